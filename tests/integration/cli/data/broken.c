/* Does not compile: the checker must say so (exit 2) and still report other files. */
int main(void)
{
    return undeclared_name + ;
}
