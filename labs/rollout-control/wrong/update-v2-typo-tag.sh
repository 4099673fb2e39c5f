# expect: update-v2 fail kubia runs luksa/kubia:2; expected luksa/kubia:v2
kubectl set image deployment/kubia nodejs=luksa/kubia:2
@check update-v2
