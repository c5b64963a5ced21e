/* fearless --verify file.c ... [-- flags]: analyze each file and check its expectations. */
#ifndef FEARLESS_VERIFY_RUN_H
#define FEARLESS_VERIFY_RUN_H

#include "diag/filter.h"
#include "driver/options.h"
#include "pipeline.h"

/* 0: every expectation met; 1: a mismatch; 2: an input could not be read. */
int verify_run(const struct options *options, struct diag_filter *filter,
               const struct pipeline_options *pipeline);

#endif
