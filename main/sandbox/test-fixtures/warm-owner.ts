// A stand-in for an app instance, run as a child process by docker-sandbox.test.ts: starts a
// Docker driver with a warm Python container, prints "ready <container id>" and waits to be
// killed (SIGKILL: no clean-up of its own runs).
import Docker from 'dockerode';
import { DockerDriver } from '../docker-driver';
import { runnerImage } from '../runner-images';

const driver = new DockerDriver({ docker: new Docker(), imageFor: (language) => runnerImage(language).ref, reapIntervalMs: 0 });
driver.prewarm(['python']);
await driver.settled();
const [mine] = await new Docker().listContainers({ all: true, filters: { label: [`dronacharya.owner-pid=${process.pid}`] } });
process.stdout.write(`ready ${mine?.Id ?? 'none'}\n`);
setInterval(() => undefined, 60_000);
