kubectl explain pods
kubectl explain pods.spec.containers
kubectl explain pods.spec.containers.name
kubectl explain deployments.spec.strategy
kubectl explain pods --recursive
kubectl explain deploy.spec --recursive
kubectl explain pod.spec.volumes --recursive
kubectl explain pods.metadata.labels
kubectl explain svc.spec.type
kubectl explain deployments.apps
kubectl explain events.v1.events.k8s.io
kubectl explain nodes.status
kubectl explain cm
kubectl explain ns --recursive
kubectl explain po.status.phase
kubectl explain pods.spec.x
kubectl explain pods.spec.containers.x.y
kubectl explain bogus
kubectl explain
kubectl explain pods a
kubectl explain pods -o bogus
kubectl explain pods -o plaintext
kubectl explain pods --api-version=apps/v1
kubectl explain pods --api-version=foo/v9
kubectl explain deploy --api-version=apps/v1 --recursive
kubectl explain pods -o plaintext-openapiv2
kubectl explain pods.spec.containers -o plaintext-openapiv2
kubectl explain pods.spec.containers.name -o plaintext-openapiv2
kubectl explain deployments.spec.strategy --output=plaintext-openapiv2
kubectl explain pods --recursive -o plaintext-openapiv2
kubectl explain nodes.status -o plaintext-openapiv2
kubectl explain pods.spec.x -o plaintext-openapiv2
kubectl explain pods --api-version=apps/v1 -o plaintext-openapiv2
kubectl explain sts
kubectl explain sts.spec.updateStrategy
kubectl explain sts.spec.persistentVolumeClaimRetentionPolicy
kubectl explain statefulsets.spec.volumeClaimTemplates.spec
kubectl explain ds.spec.template.spec --recursive
kubectl explain ds.spec.updateStrategy.type
kubectl explain controllerrevision
kubectl explain controllerrevisions.data
kubectl explain sts --recursive -o plaintext-openapiv2
kubectl explain ds.status -o plaintext-openapiv2
