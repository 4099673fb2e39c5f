# Reference solution for the docker-cmd-entrypoint lab: every graded step must pass.
docker run ubuntu
docker ps
docker ps -a
docker inspect --format '{{.Config.Cmd}}' ubuntu
@answer ubuntu-exits Its process (bash) ends: no terminal is attached
docker build -t sleeper-v1 -f docker/v1 docker
docker run sleeper-v1
docker build -t sleeper-v2 -f docker/v2 docker
docker run sleeper-v2
docker build -t sleeper-v3 -f docker/v3 docker
docker run sleeper-v3
@answer wrong-line CMD ["sleep 5"]
docker build -t ubuntu-sleeper -f docker/v4 docker
docker run ubuntu-sleeper 10
@answer v4-with-argument sleep 10
docker run ubuntu-sleeper
@answer v4-without-argument sleep fails: missing operand
docker build -t ubuntu-sleeper -f docker/v5 docker
docker run ubuntu-sleeper
docker inspect --format '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' ubuntu-sleeper
@answer v5-without-argument sleep 5
docker run --entrypoint sleep2.0 ubuntu-sleeper 10
@answer entrypoint-flag sleep2.0 10
@answer pod-field command
kubectl run ubuntu-sleeper-pod --image=ubuntu-sleeper --image-pull-policy=Never -- 10
kubectl run ubuntu-sleeper-pod-2 --image=ubuntu-sleeper --image-pull-policy=Never -- 1000
sleep 5
kubectl get pods
@check
kubectl create -f ubuntu-sleeper-pod-3.yaml
sleep 10
kubectl describe pod ubuntu-sleeper-pod-3 | grep -A3 'Last State'
@answer sleep2-pod StartError
