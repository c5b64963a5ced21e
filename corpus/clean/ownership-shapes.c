// expected-no-diagnostics
/* Ordinary ownership: a list that stores what it is given, free-and-null helpers, swaps,
 * switch fall-through frees, arrays of strings freed in a loop. */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

struct item { struct item *next; int count; char *name; };
struct list { struct item *head; size_t len; };

static void list_push(struct list *l, struct item *it)
{
    it->next = l->head;
    l->head = it;
    l->len++;
}

static void clear_str(char **pp)
{
    free(*pp);
    *pp = NULL;
}

static void item_free(struct item *it)
{
    if (!it)
        return;
    free(it->name);
    free(it);
}

static void destroy(struct list *l)
{
    while (l->head) {
        struct item *it = l->head;
        l->head = it->next;
        item_free(it);
    }
    l->len = 0;
}

int add(struct list *l, const char *name)
{
    struct item *it = calloc(1, sizeof *it);
    if (!it)
        return -1;
    list_push(l, it);
    it->count = 1;
    it->name = strdup(name);
    return it->name ? 0 : -1;
}

int rename_item(struct item *it, const char *name)
{
    char *copy = strdup(name);
    if (!copy)
        return -1;
    clear_str(&it->name);
    it->name = copy;
    return 0;
}

int tokens(const char *text)
{
    char *buf = strdup(text);
    if (!buf)
        return -1;
    char *old = buf;
    buf = NULL;
    int n = 0;
    for (char *tok = strtok(old, " "); tok; tok = strtok(NULL, " "))
        n++;
    free(old);
    clear_str(&buf);
    if (buf)
        puts(buf);
    return n;
}

void swap_free(char *a, char *b)
{
    char *tmp = a;
    a = b;
    free(tmp);
    puts(a);
    free(a);
}

int process(int kind, char *data)
{
    switch (kind) {
    case 0:
        free(data);
        return 0;
    case 1:
        puts(data);
        /* fall through */
    case 2:
        free(data);
        break;
    default:
        puts(data);
        free(data);
        break;
    }
    return 1;
}

int main(void)
{
    struct list l = {0};
    add(&l, "a");
    add(&l, "b");
    if (l.head)
        rename_item(l.head, "c");
    char **arr = calloc(4, sizeof *arr);
    if (!arr)
        return 1;
    for (int i = 0; i < 4; i++)
        arr[i] = strdup("x");
    for (int i = 0; i < 4; i++)
        free(arr[i]);
    free(arr);
    char *p = malloc(10);
    for (int i = 0; i < 3 && p; i++) {
        free(p);
        p = malloc(10);
    }
    free(p);
    process(1, strdup("z"));
    swap_free(strdup("1"), strdup("2"));
    destroy(&l);
    return tokens("a b c") > 0 ? 0 : 1;
}
