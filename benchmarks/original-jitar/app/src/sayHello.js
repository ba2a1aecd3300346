// Same procedure as Jitar's own examples/hello-world/src/sayHello.ts, written
// directly as the ES2022 JavaScript that `tsc` would emit for it, so no
// TypeScript compiler is needed for the benchmark build.
export default async function sayHello(name = 'World')
{
    return `Hello ${name}`;
}
