# expect: delete-v1 fail the deployment frontend-v2 was deleted too; it is the version that stays
@check canary-share
kubectl delete deployment frontend frontend-v2
@check delete-v1
