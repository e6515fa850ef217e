#!/usr/bin/env bash
# Deploys an independent WAR (three context-params, no filter or Application servlet declaration) on Payara
# Micro 7, WildFly 39 and Open Liberty and checks: the filter registered itself, @CloudFrontSigned signs with
# context-params, @Inject CloudFrontSigner works, and a missing key file fails the deployment with our message.
# Run through the Maven profile:  mvn -B -Pservers -pl runtime-tests -am verify -DskipTests
# One or some of them only:       SERVERS="liberty" mvn -B -Pservers ...   (default: "payara wildfly liberty")
# Needs network (the distributions: ~100 MB, ~260 MB and ~350 MB) and Java 21+ for Payara (PAYARA_JAVA).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
WORK=${WORK:-$ROOT/runtime-tests/target/servers}
PAYARA_VERSION=${PAYARA_VERSION:-7.2026.11}
WILDFLY_VERSION=${WILDFLY_VERSION:-39.0.1.Final}
LIBERTY_VERSION=${LIBERTY_VERSION:-26.0.0.3}
SERVERS=${SERVERS:-payara wildfly liberty}
PAYARA_JAVA=${PAYARA_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
M2=${M2:-$HOME/.m2/repository}
rm -rf "$WORK" && mkdir -p "$WORK"
fail=0
result() { printf '%-10s %-45s %s\n' "$1" "$2" "$3"; [ "$3" = PASS ] || fail=1; }

# --- the WAR, from the reactor's jars ---
war="$WORK/war"
mkdir -p "$war/WEB-INF/lib" "$war/WEB-INF/classes/cloudfront"
cp "$ROOT"/core/target/cloudfront-signed-core-*[0-9T].jar "$ROOT"/servlet/target/cloudfront-signed-servlet-*[0-9T].jar \
   "$ROOT"/jaxrs/target/cloudfront-signed-jaxrs-*[0-9T].jar "$war/WEB-INF/lib/"
for a in bcprov bcpkix bcutil; do cp "$M2/org/bouncycastle/$a-jdk18on/1.86/$a-jdk18on-1.86.jar" "$war/WEB-INF/lib/"; done
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$war/WEB-INF/classes/cloudfront/private_key.pem" 2>/dev/null
cp=$M2/jakarta/servlet/jakarta.servlet-api/6.0.0/jakarta.servlet-api-6.0.0.jar:$M2/jakarta/ws/rs/jakarta.ws.rs-api/3.1.0/jakarta.ws.rs-api-3.1.0.jar:$M2/jakarta/inject/jakarta.inject-api/2.0.1/jakarta.inject-api-2.0.1.jar
javac -d "$war/WEB-INF/classes" -cp "$cp:$(ls "$war"/WEB-INF/lib/*.jar | tr '\n' :)" "$ROOT"/runtime-tests/src/servers/demo/*.java
cat > "$war/WEB-INF/web.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
  <context-param><param-name>cloudfront.key-pair-id</param-name><param-value>K2JCJMDEHXQW5F</param-value></context-param>
  <context-param><param-name>cloudfront.private-key.location</param-name><param-value>classpath:cloudfront/private_key.pem</param-value></context-param>
  <context-param><param-name>cloudfront.protected-prefixes</param-name><param-value>https://cdn.example.com/private/</param-value></context-param>
</web-app>
XML
bad="$WORK/bad"
cp -r "$war" "$bad"
sed -i 's|classpath:cloudfront/private_key.pem|classpath:cloudfront/missing.pem|' "$bad/WEB-INF/web.xml"

check_good() { # runtime base-url
  local r=$1 u=$2
  curl -s --max-time 30 "$u/page" | grep -q 'a.mp4?Expires=.*Key-Pair-Id=K2JCJMDEHXQW5F' \
    && result "$r" "filter registered itself, page signed" PASS || result "$r" "filter registered itself, page signed" FAIL
  curl -s -i --max-time 30 "$u/api/download" | grep -qi '^Location: .*b.mp4?Expires=.*Key-Pair-Id=' \
    && result "$r" "@CloudFrontSigned reads context-params" PASS || result "$r" "@CloudFrontSigned reads context-params" FAIL
  curl -s --max-time 30 "$u/api/download/injected" | grep -q 'c.mp4?Expires=.*Key-Pair-Id=' \
    && result "$r" "@Inject CloudFrontSigner" PASS || result "$r" "@Inject CloudFrontSigner" FAIL
}
wait_for() { # log pattern seconds
  for _ in $(seq 1 "$3"); do grep -qE "$2" "$1" 2>/dev/null && return 0; sleep 1; done; return 1
}

wants() { case " $SERVERS " in *" $1 "*) return 0;; *) return 1;; esac; }
free_port() { # a port nothing listens on, from the ephemeral range
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  return 1
}

# --- Payara Micro ---
if wants payara; then
mvn -B -q dependency:get -Dartifact=fish.payara.extras:payara-micro:$PAYARA_VERSION -Dtransitive=false
payara=$M2/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar
for app in war bad; do
  "$PAYARA_JAVA" -jar "$payara" --deploy "$WORK/$app" --contextroot app --port 18380 --nocluster --nohostaware \
    > "$WORK/payara-$app.log" 2>&1 &
  pid=$!
  wait_for "$WORK/payara-$app.log" 'Payara Micro.* ready|Startup of context /app failed' 400 || true
  sleep 3
  if [ $app = war ]; then check_good "Payara" "http://127.0.0.1:18380/app"
  else
    grep -q 'Startup of context /app failed' "$WORK/payara-$app.log" && grep -q 'cloudfront.private-key.location = "classpath:cloudfront/missing.pem"' "$WORK/payara-$app.log" \
      && result "Payara" "missing key fails the deployment, our message" PASS || result "Payara" "missing key fails the deployment, our message" FAIL
  fi
  kill $pid; wait $pid 2>/dev/null || true
done
fi

# --- WildFly ---
if wants wildfly; then
mvn -B -q dependency:get -Dartifact=org.wildfly:wildfly-dist:$WILDFLY_VERSION:tar.gz -Dtransitive=false
tar xzf "$M2/org/wildfly/wildfly-dist/$WILDFLY_VERSION/wildfly-dist-$WILDFLY_VERSION.tar.gz" -C "$WORK"
wf=$WORK/wildfly-$WILDFLY_VERSION
cp -r "$war" "$wf/standalone/deployments/app.war" && touch "$wf/standalone/deployments/app.war.dodeploy"
cp -r "$bad" "$wf/standalone/deployments/bad.war" && touch "$wf/standalone/deployments/bad.war.dodeploy"
LAUNCH_JBOSS_IN_BACKGROUND=1 "$wf/bin/standalone.sh" -Djboss.socket.binding.port-offset=337 > "$WORK/wildfly.log" 2>&1 &
pid=$!
wait_for "$WORK/wildfly.log" 'WFLYSRV0025|WFLYSRV0026' 400 || true
check_good "WildFly" "http://127.0.0.1:8417/app"
[ -e "$wf/standalone/deployments/bad.war.failed" ] && grep -q 'cloudfront.private-key.location = "classpath:cloudfront/missing.pem"' "$WORK/wildfly.log" \
  && result "WildFly" "missing key fails the deployment, our message" PASS || result "WildFly" "missing key fails the deployment, our message" FAIL
kill $pid; wait $pid 2>/dev/null || true
fi

# --- Open Liberty: the full distribution from Maven Central, the four features the README names ---
if wants liberty; then
mvn -B -q dependency:get -Dartifact=io.openliberty:openliberty-runtime:$LIBERTY_VERSION:zip -Dtransitive=false
unzip -q "$M2/io/openliberty/openliberty-runtime/$LIBERTY_VERSION/openliberty-runtime-$LIBERTY_VERSION.zip" -d "$WORK"
wlp=$WORK/wlp
export WLP_USER_DIR=$WORK/wlp-usr
port=$(free_port)
"$wlp/bin/server" create app > /dev/null
srv=$WLP_USER_DIR/servers/app
cp -r "$war" "$srv/apps/app.war"
cp -r "$bad" "$srv/apps/bad.war"
cat > "$srv/server.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<server>
  <featureManager>
    <feature>servlet-6.0</feature>
    <feature>restfulWS-3.1</feature>
    <feature>cdi-4.0</feature>
    <feature>mpConfig-3.1</feature>
  </featureManager>
  <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="$port" httpsPort="-1"/>
  <webApplication location="app.war" contextRoot="/app"/>
  <webApplication location="bad.war" contextRoot="/bad"/>
</server>
XML
"$wlp/bin/server" run app > "$WORK/liberty.log" 2>&1 &
pid=$!
log=$srv/logs/messages.log
wait_for "$log" 'CWWKF0011I|CWWKF0012I|CWWKE0701E' 400 || true
wait_for "$log" 'CWWKZ000[12][IE]: .*[Aa]pplication app[ .]' 120 || true
wait_for "$log" 'CWWKZ000[12][IE]: .*[Aa]pplication bad[ .]|CWWKZ0012I: .* bad ' 120 || true
check_good "Liberty" "http://127.0.0.1:$port/app"
# Liberty only logs an initializer's exception (CWWWC0001W); the application must still not start (CWWKZ0012I)
grep -qE 'CWWKZ0012I: The application bad was not started|CWWKZ0002E: .* application bad\.' "$log" \
  && ! grep -q 'CWWKZ0001I: Application bad started' "$log" \
  && grep -q 'cloudfront.private-key.location = "classpath:cloudfront/missing.pem"' "$log" \
  && [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "http://127.0.0.1:$port/bad/page")" != 200 ] \
  && result "Liberty" "missing key fails the deployment, our message" PASS || result "Liberty" "missing key fails the deployment, our message" FAIL
"$wlp/bin/server" stop app > /dev/null 2>&1 || kill $pid
wait $pid 2>/dev/null || true
fi
exit $fail
