/* Moving a receiver to one thread is fine (it is SEND, just not SYNC). */
#include <fearless/chan.h>
#include <fearless/thread.h>
#include <stdio.h>

static void *consume(void *arg)
{
    fl_receiver *rx = arg;
    int value;
    while (fl_recv(rx, &value) == FL_OK)
        printf("%d\n", value);
    fl_receiver_drop(rx);
    return NULL;
}

int main(void)
{
    fl_sender *tx;
    fl_receiver *rx;
    if (fl_channel(&tx, &rx, sizeof(int)) != FL_OK)
        return 1;
    fl_thread *handle;
    if (fl_spawn(&handle, consume, rx) != FL_OK) {
        fl_receiver_drop(rx);
        fl_sender_drop(tx);
        return 1;
    }
    for (int i = 0; i < 3; i++)
        fl_send(tx, &i);
    fl_sender_drop(tx);
    fl_join(handle, NULL);
    return 0;
}
// expected-no-diagnostics
