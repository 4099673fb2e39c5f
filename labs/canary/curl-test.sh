for i in {1..30}; do
   kubectl exec curl -- sh -c 'wget -qO- -T 2 http://frontend-service:8080/version 2>&1 || echo Failed'
   echo ""
done
