#include "ir/ir.h"

enum compare compare_negate(enum compare compare)
{
    switch (compare) {
    case COMPARE_NE: return COMPARE_EQ;
    case COMPARE_EQ: return COMPARE_NE;
    case COMPARE_LT: return COMPARE_GE;
    case COMPARE_LE: return COMPARE_GT;
    case COMPARE_GT: return COMPARE_LE;
    case COMPARE_GE: return COMPARE_LT;
    }
    return compare;
}

bool compare_holds(long long value, enum compare compare, long long constant)
{
    switch (compare) {
    case COMPARE_NE: return value != constant;
    case COMPARE_EQ: return value == constant;
    case COMPARE_LT: return value < constant;
    case COMPARE_LE: return value <= constant;
    case COMPARE_GT: return value > constant;
    case COMPARE_GE: return value >= constant;
    }
    return false;
}
