// The original Jitar's half of the interop test's probe segment (the Java half:
// io.jitar.clustertest.app.probe.Probe): tells which worker answered.
export default async function whoAmI()
{
    return 'original';
}
