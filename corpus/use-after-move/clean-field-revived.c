/* A moved field given a new value is usable again; other fields were never moved. */
#include <fearless.h>
#include <stdio.h>
#include <string.h>

struct message {
    char *text;
    int id;
};

void take_text(char *text MOVED);

void rename_message(struct message *m, const char *name)
{
    take_text(m->text);
    m->text = strdup(name);
    printf("%d %s\n", m->id, m->text ? m->text : "");
}
// expected-no-diagnostics
