/* The analysis run of the CLI (everything but --verify). */
#ifndef FEARLESS_DRIVER_RUN_H
#define FEARLESS_DRIVER_RUN_H

#include "diag/filter.h"
#include "driver/command.h"
#include "driver/options.h"
#include "pipeline.h"

int analysis_run(const struct options *options, struct diag_filter *filter,
                 const struct pipeline_options *pipeline);
/* -j 0: every online core. */
unsigned jobs_default(unsigned requested);
/* -isystem directories of every command are system headers too. */
void add_system_directories(struct diag_filter *filter, const struct tu_command_list *commands);

#endif
