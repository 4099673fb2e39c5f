import { describe, expect, it } from 'vitest';
import { itPlaysLabScenarios, labScripts } from '../support/lab-scenarios.ts';
import { play } from '../support/play.ts';

const LAB = 'secrets';

describe('secrets lab', () => {
  itPlaysLabScenarios(LAB, { tasks: ['db-secret', 'webapp-env-from'], score: '6/6' });

  it('has at least two wrong attempts for each task', () => {
    const wrong = labScripts(LAB, 'wrong');
    for (const prefix of ['db-secret-', 'webapp-env-from-']) expect(wrong.filter((f) => f.startsWith(`wrong/${prefix}`)).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses plain text under data: with the API server’s decoding error', async () => {
    const transcript = await play(LAB, `printf 'apiVersion: v1\\nkind: Secret\\nmetadata:\\n  name: s\\ndata:\\n  DB_Host: sql01\\n' > s.yaml\nkubectl create -f s.yaml\n`);
    expect(transcript.split('\n').slice(-2)).toEqual([
      'Error from server (BadRequest): error when creating "s.yaml": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4',
      '',
    ]);
  });

  it('paints the app red until the pod loads the Secret, naming the connector’s error', async () => {
    const transcript = await play(LAB, '@check db-secret\nsleep 30\ncurl -s http://node01:30080/ | grep -E "background|h3|h2"\n');
    expect(transcript.split('\n').slice(-4)).toEqual([
      '<body style="background: #ff3f3f;"></body>',
      '    <h3> Failed connecting to the MySQL database. </h3>',
      '    <h2> Environment Variables: DB_Host=Not Set; DB_Database=Not Set; DB_User=Not Set; DB_Password=Not Set; 2003: Can&#39;t connect to MySQL server on &#39;localhost:3306&#39; (111 Connection refused) </h2>',
      '',
    ]);
  });

  it('describes a Secret with its keys sorted and a service-account token in clear', async () => {
    const transcript = await play(
      LAB,
      'kubectl create secret generic db-secret --from-literal=DB_User=root --from-literal=DB_Host=sql01\nkubectl describe secret db-secret | tail -3\nkubectl describe secret dashboard-token | grep -c "^token:      eyJ"\n',
    );
    expect(transcript.split('\n').slice(2)).toEqual([
      '$ kubectl describe secret db-secret | tail -3',
      '====',
      'DB_Host:  5 bytes',
      'DB_User:  4 bytes',
      '$ kubectl describe secret dashboard-token | grep -c "^token:      eyJ"',
      '1',
      '',
    ]);
  });
});
