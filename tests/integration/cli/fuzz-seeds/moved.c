#include <stdlib.h>
void f(int *p) { free(p); *p = 1; }
