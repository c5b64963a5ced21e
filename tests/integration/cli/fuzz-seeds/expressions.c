int f(void) { return ({ int x = 1; x ? x : 0; }) && 0 || 1; }
struct s { int a; } __attribute__((annotate("fearless:sync")));
