# kubectl cp (issue 13): tar over pods/exec, both directions; nginx has GNU tar, busybox busybox tar.
kubectl run web --image=nginx
kubectl run bb --image=busybox -- sleep 3600
kubectl run still --image=registry.k8s.io/pause:3.10
sleep 10
echo hello > f
mkdir -p d/sub
echo a > d/a
echo b > d/sub/b
kubectl cp f web:/tmp/f
kubectl exec web -- cat /tmp/f
kubectl cp f web:/tmp
kubectl exec web -- ls /tmp
kubectl cp web:/tmp/f ./got
kubectl cp got bb:/tmp/got
kubectl exec bb -- cat /tmp/got
kubectl cp default/web:/etc/nginx/nginx.conf ./nginx.conf -c web
kubectl cp nginx.conf bb:/tmp/nginx.conf --no-preserve
kubectl exec bb -- wc -l /tmp/nginx.conf
kubectl cp d web:/tmp/d
kubectl exec web -- ls /tmp/d /tmp/d/sub
kubectl cp web:/tmp/d ./dd
kubectl cp dd bb:/tmp/dd
kubectl exec bb -- cat /tmp/dd/a /tmp/dd/sub/b
kubectl cp bb:/tmp/got ./bbgot --retries=2
kubectl cp bbgot web:/tmp/bbgot
kubectl exec web -- cat /tmp/bbgot
kubectl cp web:/etc/hosts .
kubectl cp f nopod:/tmp
kubectl cp nopod:/tmp/f ./x
kubectl cp f other/web:/tmp
kubectl cp f still:/tmp/f
kubectl cp still:/tmp/f ./x
kubectl cp f web:/tmp/f -c nope
kubectl cp nope /x
kubectl cp f g
kubectl cp web:/a bb:/b
kubectl cp f
kubectl cp web: x
kubectl cp :x y
kubectl cp a/b/c:/x y
kubectl cp --help
