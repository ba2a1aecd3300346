// Adds two numbers, as the Java probe's add(int a, int b): the arguments arrive by name.
export default async function add(a, b)
{
    return a + b;
}
