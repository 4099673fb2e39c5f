# Every pod state the labs reach, printed by get, get -o wide, describe and logs: the states of
# src/kubectl/printers/pod-states-golden.test.ts, sampled on one cluster as the pods move on.
cat > red.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: red
spec:
  containers:
  - {name: apple, image: busybox, command: ['sleep', '4500']}
  - {name: wine, image: busybox, command: ['sleep', '4500']}
  - {name: scarlet, image: busybox, command: ['sleep', '4500']}
EOF
cat > purple.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: purple
spec:
  containers:
  - name: purple-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: warm-up-1
    image: busybox:1.28
    command: ['sh', '-c', 'sleep 600']
  - name: warm-up-2
    image: busybox:1.28
    command: ['sh', '-c', 'sleep 1200']
EOF
cat > blue.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: blue
spec:
  containers:
  - name: blue-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox
    imagePullPolicy: Always
    command: ['sh', '-c', 'sleep 5']
EOF
cat > orange.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: orange
spec:
  containers:
  - name: orange-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox
    imagePullPolicy: Always
    command: ['sh', '-c', 'sleeeep 2;']
EOF
cat > yellow.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: yellow
spec:
  containers:
  - {name: lemon, image: busybox}
  - {name: gold, image: redis}
EOF
cat > app.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: app
  labels:
    name: app
spec:
  containers:
  - name: app
    image: kodekloud/event-simulator
    volumeMounts:
    - {mountPath: /log, name: log-volume}
  - name: sidecar
    image: kodekloud/filebeat-configured
    volumeMounts:
    - {mountPath: /var/log/event-simulator/, name: log-volume}
  volumes:
  - name: log-volume
    hostPath: {path: /var/log/webapp, type: DirectoryOrCreate}
EOF
cat > app2.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: app2
  labels:
    name: app2
spec:
  initContainers:
  - name: sidecar
    image: kodekloud/filebeat-configured
    restartPolicy: Always
    volumeMounts:
    - {mountPath: /var/log/event-simulator/, name: log-volume}
  containers:
  - name: app
    image: kodekloud/event-simulator
    volumeMounts:
    - {mountPath: /log, name: log-volume}
  volumes:
  - name: log-volume
    emptyDir: {}
EOF
cat > webapp.yaml <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata:
  name: webapp-config-map
data:
  APP_COLOR: darkblue
  APP_OTHER: disregard
---
apiVersion: v1
kind: Secret
metadata:
  name: db-secret
stringData:
  DB_Host: sql01
  DB_Password: password123
---
apiVersion: v1
kind: Pod
metadata:
  name: webapp
  labels:
    name: webapp
    tier: front
spec:
  nodeSelector:
    kubernetes.io/os: linux
  tolerations:
  - {key: app, operator: Equal, value: blue, effect: NoSchedule}
  containers:
  - name: webapp
    image: kodekloud/webapp-color
    ports:
    - containerPort: 8080
    - containerPort: 9090
      protocol: UDP
    env:
    - {name: APP_COLOR, valueFrom: {configMapKeyRef: {name: webapp-config-map, key: APP_COLOR}}}
    - {name: DB_Password, valueFrom: {secretKeyRef: {name: db-secret, key: DB_Password}}}
    - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
    - {name: MEMORY_LIMIT, valueFrom: {resourceFieldRef: {resource: limits.memory}}}
    - {name: GREETING, value: hello}
    envFrom:
    - configMapRef: {name: webapp-config-map}
    - secretRef: {name: db-secret}
      prefix: DB_
    resources:
      limits: {cpu: 500m, memory: 128Mi}
      requests: {cpu: '0.25', memory: 64Mi}
    livenessProbe:
      httpGet: {path: /, port: 8080}
    readinessProbe:
      tcpSocket: {port: 8080}
      periodSeconds: 5
    startupProbe:
      exec: {command: [sh, -c, 'true']}
    volumeMounts:
    - {name: config, mountPath: /etc/config, readOnly: true}
    - {name: secrets, mountPath: /etc/secrets}
    - {name: cache, mountPath: /cache}
    - {name: host-logs, mountPath: /var/log/host, subPath: webapp}
  volumes:
  - {name: config, configMap: {name: webapp-config-map}}
  - {name: secrets, secret: {secretName: db-secret, optional: true}}
  - {name: cache, emptyDir: {sizeLimit: 1Gi, medium: Memory}}
  - {name: host-logs, hostPath: {path: /var/log}}
EOF
cat > picky.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: picky
spec:
  nodeSelector:
    disktype: ssd
    kubernetes.io/os: linux
  containers:
  - name: nginx
    image: nginx
    resources:
      requests: {cpu: 100m}
EOF
kubectl run ubuntu-sleeper --image=ubuntu --command -- sleep 4800
kubectl run doomed --image=ubuntu --command -- sleep 4800
kubectl run sleeper-error --image=ubuntu --command -- sleeeep 2
kubectl run done --image=busybox --restart=Never -- sh -c 'echo all done'
kubectl run agent --image=agentx
kubectl create -f red.yaml
kubectl create -f purple.yaml
kubectl create -f blue.yaml
kubectl create -f orange.yaml
kubectl create -f yellow.yaml
kubectl create -f app.yaml
kubectl create -f app2.yaml
kubectl create -f webapp.yaml
kubectl create -f picky.yaml
sleep 1
kubectl get pods
kubectl get pods -o wide
kubectl describe pod ubuntu-sleeper
kubectl describe pod red
kubectl logs ubuntu-sleeper
sleep 9
kubectl get pods
kubectl describe pod purple
kubectl logs purple
kubectl logs purple -c warm-up-1
kubectl describe pod blue
kubectl describe pod orange
kubectl logs orange -c init-myservice
kubectl describe pod agent
kubectl describe pod picky
kubectl describe pod sleeper-error
kubectl delete pod doomed --wait=false
sleep 5
kubectl get pods
kubectl describe pod doomed
sleep 60
kubectl get pods -o wide
kubectl describe pod yellow
kubectl logs yellow
kubectl logs yellow -c lemon --previous
kubectl describe pod app
kubectl logs app --tail=3
kubectl logs app -c sidecar --tail=3
kubectl describe pod app2
kubectl logs app2 --tail=3
kubectl describe pod webapp
kubectl describe pod done
kubectl logs done
kubectl describe pod blue
kubectl logs blue -c init-myservice
sleep 600
kubectl get pods
kubectl get pods -o wide
kubectl describe pod purple
kubectl describe pod orange
kubectl logs orange -c init-myservice --previous
kubectl describe pod agent
kubectl describe pod picky
