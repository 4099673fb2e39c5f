# expect: switch-to-green fail the Service hello does not route to the green pods alone yet; wait until hello-green is ready
kubectl set selector service hello 'app=hello,version=2.0.0'
@check switch-to-green
