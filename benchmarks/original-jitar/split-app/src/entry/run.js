// The original's half of benchmarks/split-cost.sh: calls leaf/echo `times` times. Where segment
// leaf runs elsewhere, Jitar's build makes that a remote call through the gateway. (No word for
// loading a module in this comment: Jitar's build parses such words in comments too.)
import echo from '../leaf/echo.js';

export default async function run(times)
{
    let sum = 0;
    for (let i = 0; i < Number(times); i++)
    {
        sum += await echo(i);
    }
    return sum;
}
