/* A failed send leaves the value with the caller; copies (ints, plain structs) are never
 * moved, like Rust's Copy types. */
#include <fearless/chan.h>
#include <stdio.h>
#include <stdlib.h>

struct point {
    int x, y;
};

int send_or_keep(fl_sender *tx, char *text)
{
    fl_status status = fl_send(tx, &text);
    if (status != FL_OK) {
        printf("not sent: %s\n", text);
        free(text);
        return -1;
    }
    return 0;
}

void send_numbers(fl_sender *tx)
{
    for (int i = 0; i < 3; i++)
        fl_send(tx, &i);
    struct point p = {1, 2};
    fl_send(tx, &p);
    printf("%d %d\n", p.x, p.y);
}
// expected-no-diagnostics
