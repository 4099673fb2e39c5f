cat > crd.yaml <<'EOF'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: crontabs.stable.example.com
spec:
  group: stable.example.com
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [cronSpec]
            properties:
              cronSpec:
                type: string
                pattern: '^(\d+|\*)(/\d+)?(\s+(\d+|\*)(/\d+)?){4}$'
              image:
                type: string
              replicas:
                type: integer
                minimum: 1
                maximum: 10
                default: 1
              color:
                type: string
                enum: [red, green, blue]
    additionalPrinterColumns:
    - name: Spec
      type: string
      jsonPath: .spec.cronSpec
    - name: Replicas
      type: integer
      jsonPath: .spec.replicas
    - name: Image
      type: string
      priority: 1
      jsonPath: .spec.image
    - name: Age
      type: date
      jsonPath: .metadata.creationTimestamp
  scope: Namespaced
  names:
    plural: crontabs
    singular: crontab
    kind: CronTab
    shortNames:
    - ct
    categories:
    - all
EOF
kubectl apply -f crd.yaml
sleep 1
kubectl get crd
kubectl get crds crontabs.stable.example.com -o yaml
kubectl get customresourcedefinition crontabs.stable.example.com -o jsonpath='{.status.conditions[*].type}'
kubectl describe crd crontabs.stable.example.com
kubectl api-resources --api-group=stable.example.com
kubectl api-resources --categories=all
kubectl api-versions
kubectl get crontabs
kubectl explain crontab
kubectl explain ct.spec
kubectl explain crontabs.spec.color
kubectl explain ct --recursive
kubectl explain crontab.spec.nope
cat > ct.yaml <<'EOF'
apiVersion: stable.example.com/v1
kind: CronTab
metadata:
  name: my-new-cron-object
spec:
  cronSpec: "* * * * */5"
  image: my-awesome-cron-image
EOF
kubectl apply -f ct.yaml
kubectl get ct
kubectl get ct -o wide
kubectl get crontab my-new-cron-object -o yaml
kubectl get crontabs.stable.example.com -o json
kubectl get ct my-new-cron-object -o jsonpath='{.spec.replicas}'
kubectl get ct -A
kubectl get all
kubectl describe ct my-new-cron-object
kubectl label ct my-new-cron-object tier=batch
kubectl annotate crontab my-new-cron-object note=hello
kubectl get ct --show-labels
kubectl get ct -l tier=batch
kubectl patch ct my-new-cron-object --type=merge -p '{"spec":{"replicas":3}}'
kubectl get ct
kubectl patch ct my-new-cron-object --type=merge -p '{"spec":{"replicas":20}}'
kubectl patch ct my-new-cron-object --type=merge -p '{"spec":{"replicas":"three"}}'
kubectl patch ct my-new-cron-object --type=merge -p '{"spec":{"color":"pink"}}'
kubectl patch ct my-new-cron-object --type=merge -p '{"spec":{"cronSpec":"bad"}}'
cat > bad-ct.yaml <<'EOF'
apiVersion: stable.example.com/v1
kind: CronTab
metadata:
  name: bad
spec:
  image: nginx
  colour: red
EOF
kubectl apply -f bad-ct.yaml
kubectl apply -f bad-ct.yaml --validate=false
kubectl create -f bad-ct.yaml --validate=false
kubectl get ct bad
kubectl create -f ct.yaml
kubectl get ct nope
kubectl delete ct my-new-cron-object
kubectl get ct
kubectl apply -f ct.yaml
cat > bad-crd.yaml <<'EOF'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Regional
  names:
    plural: gadgets
    kind: Gadget
  versions:
  - name: v1
    served: true
    storage: false
EOF
kubectl apply -f bad-crd.yaml
cat > cluster-crd.yaml <<'EOF'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: backends.example.com
spec:
  group: example.com
  scope: Cluster
  names:
    plural: backends
    singular: backend
    kind: Backend
    shortNames: [be]
  versions:
  - name: v1alpha1
    served: true
    storage: true
    subresources:
      status: {}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            x-kubernetes-preserve-unknown-fields: true
          status:
            type: object
            properties:
              ready:
                type: boolean
EOF
kubectl create -f cluster-crd.yaml
sleep 1
cat > be.yaml <<'EOF'
apiVersion: example.com/v1alpha1
kind: Backend
metadata:
  name: primary
spec:
  anything:
    goes: here
  count: 2
status:
  ready: true
EOF
kubectl apply -f be.yaml
kubectl get be
kubectl get backends primary -o yaml
kubectl describe be primary
kubectl get backend.v1alpha1.example.com
cat > mixed-list.yaml <<'EOF'
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: listed
  data:
    a: b
  bogus: 1
- apiVersion: stable.example.com/v1
  kind: CronTab
  metadata:
    name: listed-1
    colour: red
  spec:
    cronSpec: "* * * * */5"
    colour: red
    replicas: "three"
- apiVersion: stable.example.com/v1
  kind: CronTab
  metadata:
    name: listed-2
  spec:
    image: [x]
- apiVersion: example.com/v1alpha1
  kind: Backend
  metadata:
    name: listed-3
  spec:
    anything: [goes]
  status:
    ready: "yes"
    extra: 1
EOF
kubectl apply -f mixed-list.yaml
kubectl create -f mixed-list.yaml --validate=strict --dry-run=client
kubectl apply -f mixed-list.yaml --validate=warn --dry-run=server
kubectl create -f mixed-list.yaml --validate=warn
kubectl apply -f mixed-list.yaml --validate=ignore
cat > typed-lists.yaml <<'EOF'
apiVersion: stable.example.com/v1
kind: CronTabList
items:
- metadata:
    name: typed-1
  spec:
    cronSpec: "* * * * */5"
    replicas: "three"
---
apiVersion: v1
kind: ConfigMapList
items:
- metadata:
    name: typed-2
  data:
    a: b
EOF
kubectl apply -f typed-lists.yaml
kubectl apply -f typed-lists.yaml --validate=warn --dry-run=server
kubectl create -f typed-lists.yaml --validate=false --dry-run=client
kubectl delete crd crontabs.stable.example.com
kubectl get ct
kubectl get crd
kubectl delete -f cluster-crd.yaml
kubectl get be
