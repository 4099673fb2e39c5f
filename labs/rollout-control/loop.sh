while true; do kubectl exec client -- wget -qO- -T 2 http://kubia; sleep 1; done
