export default async function echo(value)
{
    return value;
}
