/* A malformed annotation string: guarded_by without its lock, and an unknown kind. */
struct counter {
    int value __attribute__((annotate("fearless:guarded_by")));
    int other __attribute__((annotate("fearless:no_such_kind:x")));
};

int read_counter(struct counter *counter)
{
    return counter->value + counter->other;
}
