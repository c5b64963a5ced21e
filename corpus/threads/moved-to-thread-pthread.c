/* pthread_create's argument is moved when the thread function takes ownership of it (its
 * body frees it): main's later use is a use of a moved value. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct request {
    int id;
};

static void *handle_request(void *arg)
{
    struct request *request = arg;
    printf("request %d\n", request->id);
    free(request);
    return NULL;
}

int main(void)
{
    struct request *request = malloc(sizeof *request);
    if (!request)
        return 1;
    request->id = 7;
    pthread_t thread;
    if (pthread_create(&thread, NULL, handle_request, request) != 0) { // expected-note {{value moved here, by the call to 'pthread_create'}}
        free(request);
        return 1;
    }
    printf("sent %d\n", request->id); // expected-error {{use of moved value 'request'}} expected-note {{help: the thread owns 'request' now}}
    pthread_join(thread, NULL);
    return 0;
}
