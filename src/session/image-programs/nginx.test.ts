import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

// What `kubectl exec` prints from the official nginx and busybox images (nginx 1.27.3, busybox 1.36).
describe('programs and files of the images', async () => {
  const session = await newSession();
  await runLine(session, 'kubectl run web --image=nginx');
  await runLine(session, 'kubectl run old --image=nginx:1.16');
  await runLine(session, 'kubectl run bb --image=busybox -- sleep 3600');
  await runLine(session, 'sleep 10');
  const cases: { name: string; line: string; out: string; code?: number }[] = [
    { name: 'nginx -v', line: 'kubectl exec web -- nginx -v', out: 'nginx version: nginx/1.27.3\n' },
    { name: 'nginx -v of an older tag', line: 'kubectl exec old -- nginx -v', out: 'nginx version: nginx/1.16.1\n' },
    {
      name: 'nginx -t',
      line: 'kubectl exec web -- nginx -t',
      out: 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
    },
    {
      name: 'nginx.conf',
      line: 'kubectl exec web -- head -6 /etc/nginx/nginx.conf',
      out: '\nuser  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n',
    },
    {
      name: 'default.conf',
      line: 'kubectl exec web -- grep -E "listen|root" /etc/nginx/conf.d/default.conf',
      out: "    listen       80;\n    listen  [::]:80;\n        root   /usr/share/nginx/html;\n        root   /usr/share/nginx/html;\n    # proxy the PHP scripts to Apache listening on 127.0.0.1:80\n    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000\n    #    root           html;\n    # deny access to .htaccess files, if Apache's document root\n",
    },
    { name: 'the welcome page', line: 'kubectl exec web -- grep title /usr/share/nginx/html/index.html', out: '<title>Welcome to nginx!</title>\n' },
    { name: 'curl localhost in the pod', line: 'kubectl exec web -- curl -s localhost | grep h1', out: '<h1>Welcome to nginx!</h1>\n' },
    { name: 'the nginx binary', line: 'kubectl exec web -- ls /usr/sbin', out: 'nginx\n' },
    { name: 'busybox programs in /bin', line: 'kubectl exec bb -- ls /bin | head -3', out: '[\nash\nawk\n' },
  ];
  it.each(cases)('$name', async ({ line, out, code = 0 }) => {
    const { stdout, stderr, code: status } = await runLine(session, line);
    expect({ out: stdout + stderr, code: status }).toEqual({ out, code });
  });
});
