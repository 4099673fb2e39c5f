import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/client.ts';
import { createPodHarness } from '../../../tests/support/pod-harness.ts';

const pod = (name: string, labels: Record<string, string>, container: Record<string, unknown>) =>
  ({ kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'c', ...container }] } }) as KubeObject;
const service = (name: string, selector: Record<string, string>, port: number) =>
  ({ kind: 'Service', metadata: { name }, spec: { selector, ports: [{ port, targetPort: port }] } }) as KubeObject;
const mysqlPod = (env: Record<string, string>) => pod('mysql', { name: 'mysql' }, { image: 'mysql', env: Object.entries(env).map(([name, value]) => ({ name, value })) });
const webapp = (env: Record<string, string>) =>
  pod('webapp-pod', { name: 'webapp-pod' }, { image: 'kodekloud/simple-webapp-mysql', env: Object.entries(env).map(([name, value]) => ({ name, value })) });

async function page(env: Record<string, string>, mysqlEnv: Record<string, string> = { MYSQL_ROOT_PASSWORD: 'password123' }, path = '/') {
  const h = await createPodHarness();
  h.apply(service('sql01', { name: 'mysql' }, 3306));
  h.apply(mysqlPod(mysqlEnv));
  h.apply(webapp(env));
  await h.pump.advance(30_000);
  const ip = h.pod('webapp-pod')!.status!.podIP!;
  const response = await h.cluster.nodes.network.httpGet('host', `http://${ip}:8080${path}`, { timeoutMs: 1000 });
  const body = response.body ?? '';
  return { h, background: /background: (#\w+)/.exec(body)?.[1], heading: /<h3>(.*)<\/h3>/.exec(body)?.[1], debug: /<h2> (.*) <\/h2>/.exec(body)?.[1], ip };
}

describe('mysql', () => {
  it('refuses to initialise without a root password', async () => {
    const h = await createPodHarness();
    h.apply(mysqlPod({}));
    await h.pump.advance(30_000);
    expect(h.row('mysql')[1]).toMatch(/^(Error|CrashLoopBackOff)$/);
    expect((await h.logs('mysql')).replace(/^2026-11-22 22:00:\d\d\+00:00 /gm, '')).toBe(
      [
        '[Note] [Entrypoint]: Entrypoint script for MySQL Server 9.5.0-1.el9 started.',
        "[Note] [Entrypoint]: Switching to dedicated user 'mysql'",
        '[Note] [Entrypoint]: Entrypoint script for MySQL Server 9.5.0-1.el9 started.',
        '[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
        '    You need to specify one of the following as an environment variable:',
        '    - MYSQL_ROOT_PASSWORD',
        '    - MYSQL_ALLOW_EMPTY_PASSWORD',
        '    - MYSQL_RANDOM_ROOT_PASSWORD',
        '',
      ].join('\n'),
    );
  });

  it('ends its start-up log ready for connections', async () => {
    const h = await createPodHarness();
    h.apply(mysqlPod({ MYSQL_ROOT_PASSWORD: 'password123' }));
    await h.pump.advance(30_000);
    expect(h.row('mysql').slice(0, 2)).toEqual(['1/1', 'Running']);
    expect(await h.logs('mysql')).toMatch(
      /\[Note\] \[Entrypoint\]: MySQL init process done\. Ready for start up\.\n\n[\s\S]*\[Server\] \/usr\/sbin\/mysqld: ready for connections\. Version: '9\.5\.0'  socket: '\/var\/run\/mysqld\/mysqld\.sock'  port: 3306  MySQL Community Server - GPL\.\n$/,
    );
  });
});

describe('kodekloud/simple-webapp-mysql', () => {
  it.each([
    {
      name: 'no variables: localhost refuses the connection',
      env: {},
      background: '#ff3f3f',
      debug:
        'Environment Variables: DB_Host=Not Set; DB_Database=Not Set; DB_User=Not Set; DB_Password=Not Set; 2003: Can&#39;t connect to MySQL server on &#39;localhost:3306&#39; (111 Connection refused)',
    },
    {
      name: 'the right host, user and password',
      env: { DB_Host: 'sql01', DB_User: 'root', DB_Password: 'password123' },
      background: '#39b54b',
      debug: 'Environment Variables: DB_Host=sql01; DB_Database=Not Set; DB_User=root; DB_Password=password123; ',
    },
    {
      name: 'a host that does not resolve',
      env: { DB_Host: 'sql02', DB_User: 'root', DB_Password: 'password123' },
      background: '#ff3f3f',
      debug:
        'Environment Variables: DB_Host=sql02; DB_Database=Not Set; DB_User=root; DB_Password=password123; 2003: Can&#39;t connect to MySQL server on &#39;sql02:3306&#39; (-2 Name does not resolve)',
    },
  ])('$name', async ({ env, background, debug }) => {
    const result = await page(env);
    expect([result.background, result.debug]).toEqual([background, debug]);
    expect(result.heading).toBe(background === '#39b54b' ? ' Successfully connected to the MySQL database.' : ' Failed connecting to the MySQL database. ');
  });

  it('is denied with a wrong password, naming its own address', async () => {
    const result = await page({ DB_Host: 'sql01', DB_User: 'root', DB_Password: 'password12' });
    expect(result.debug).toBe(
      `Environment Variables: DB_Host=sql01; DB_Database=Not Set; DB_User=root; DB_Password=password12; 1045 (28000): Access denied for user &#39;root&#39;@&#39;${result.ip}&#39; (using password: YES)`,
    );
  });

  it('shows the variables on blue at /debug', async () => {
    const result = await page({ DB_Host: 'sql01' }, undefined, '/debug');
    expect([result.background, result.debug]).toEqual(['#2196f3', 'Environment Variables: DB_Host=sql01; DB_Database=Not Set; DB_User=Not Set; DB_Password=Not Set']);
  });
});
