/* MOVED parameters: argument `s->f` moves that field, `&x` moves x. */
#include <fearless.h>
#include <stdio.h>

struct message {
    char *text;
    int id;
};

void take_text(char *text MOVED);
void take_message(struct message *message MOVED);

void use_field(struct message *m)
{
    take_text(m->text); // expected-note {{value moved here, by the call to 'take_text'}}
    printf("%d\n", m->id); /* another field: still ours */
    puts(m->text); // expected-error {{use of moved value 'm->text'}} expected-note {{help: stop using 'm->text' after the call to 'take_text'}}
}

void use_whole(void)
{
    struct message local = {0, 1};
    take_message(&local); // expected-note {{value moved here, by the call to 'take_message'}}
    printf("%d\n", local.id); // expected-error {{use of moved value 'local'}} expected-note {{help: stop using 'local' after the call to 'take_message'}}
}
