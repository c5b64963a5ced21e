/* Lock identity follows simple local copies of the object pointer, and paths through
 * several objects. */
// expected-no-diagnostics
#include <pthread.h>
#include <fearless.h>

struct acct {
    pthread_mutex_t mu;
    long balance GUARDED_BY(mu);
};

struct node {
    struct node *parent;
    pthread_mutex_t mu;
    int children GUARDED_BY(mu);
};

void deposit(struct acct *a, long n)
{
    struct acct *b = a;
    pthread_mutex_lock(&b->mu);
    a->balance += n;
    pthread_mutex_unlock(&a->mu);
}

void adopt(struct node *self)
{
    pthread_mutex_lock(&self->parent->mu);
    self->parent->children++;
    pthread_mutex_unlock(&self->parent->mu);
}

void adopt_via_copy(struct node *self)
{
    struct node *p = self->parent;
    pthread_mutex_lock(&self->parent->mu);
    p->children++;
    pthread_mutex_unlock(&p->mu);
}
