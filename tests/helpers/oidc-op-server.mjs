// A real OpenID provider for tests: node-oidc-provider (ESM only, so it runs in its own process,
// started by tests/helpers/oidc-op.ts). One confidential client, dev login/consent pages (any
// password), PKCE required. A small front server on OP_PORT forwards everything to the provider
// and, when a test switches its mode (POST /__mode?mode=…), re-signs the id token the token endpoint
// returns with the provider's own key but a bad claim: the client must refuse it on the claims alone.
//   alice   verified email, groups ["staff"]      boss     verified email, groups ["tt-admins"]
//   mallory email_verified false                  anyone   <id>@sso.test, verified
import crypto from "node:crypto";
import http from "node:http";
import Provider from "oidc-provider";

const port = Number(process.env.OP_PORT ?? 0);
const clientId = process.env.OP_CLIENT_ID ?? "timetracker";
const clientSecret = process.env.OP_CLIENT_SECRET ?? "test-client-secret";
const redirectUris = (process.env.OP_REDIRECT_URIS ?? "").split(",").filter(Boolean);

const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const kid = "test-key-1";
const jwk = { ...privateKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256" };

const ACCOUNTS = {
  alice: { email: "alice@sso.test", email_verified: true, groups: ["staff"], name: "Alice Example" },
  boss: { email: "boss@sso.test", email_verified: true, groups: ["tt-admins"], name: "Boss Example" },
  mallory: { email: "mallory@sso.test", email_verified: false, groups: [], name: "Mallory Example" },
};

let mode = "normal";

const front = http.createServer();
await new Promise((r) => front.listen(port, "127.0.0.1", r));
const issuer = `http://127.0.0.1:${front.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  jwks: { keys: [jwk] },
  cookies: { keys: ["op-test-cookie-key"] },
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name", "preferred_username"],
    groups: ["groups"],
  },
  scopes: ["openid", "email", "profile", "groups"],
  // Put the scopes' claims into the id token too (next-auth reads the id token's claims).
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    const a = ACCOUNTS[id] ?? { email: `${id}@sso.test`, email_verified: true, groups: [], name: id };
    return { accountId: id, claims: async () => ({ sub: `sub-${id}`, preferred_username: id, ...a }) };
  },
});
provider.on("server_error", (_ctx, err) => process.stderr.write(`op server_error: ${err.message}\n`));
const inner = http.createServer(provider.callback());
await new Promise((r) => inner.listen(0, "127.0.0.1", r));
const innerPort = inner.address().port;

function b64url(buf) {
  return Buffer.from(buf).toString("base64url");
}

/** The id token with one claim made wrong, signed with the provider's real key. */
function tamper(idToken) {
  const [h, p] = idToken.split(".");
  const claims = JSON.parse(Buffer.from(p, "base64url").toString());
  const now = Math.floor(Date.now() / 1000);
  if (mode === "wrong-issuer") claims.iss = "http://127.0.0.1:1/another-issuer";
  if (mode === "wrong-audience") claims.aud = "another-client";
  if (mode === "expired") Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
  const input = `${h}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${b64url(crypto.sign("sha256", Buffer.from(input), privateKey))}`;
}

front.on("request", (req, res) => {
  const url = new URL(req.url, issuer);
  if (url.pathname === "/__mode" && req.method === "POST") {
    mode = url.searchParams.get("mode") ?? "normal";
    res.end(mode);
    return;
  }
  const upstream = http.request(
    { host: "127.0.0.1", port: innerPort, method: req.method, path: req.url, headers: req.headers },
    (up) => {
      const rewrite = url.pathname === "/token" && mode !== "normal" && up.statusCode === 200;
      if (!rewrite) {
        res.writeHead(up.statusCode, up.headers);
        up.pipe(res);
        return;
      }
      const chunks = [];
      up.on("data", (c) => chunks.push(c));
      up.on("end", () => {
        const body = JSON.parse(Buffer.concat(chunks).toString());
        if (body.id_token) body.id_token = tamper(body.id_token);
        const out = JSON.stringify(body);
        const headers = { ...up.headers, "content-length": Buffer.byteLength(out) };
        res.writeHead(200, headers);
        res.end(out);
      });
    },
  );
  upstream.on("error", () => {
    res.statusCode = 502;
    res.end();
  });
  req.pipe(upstream);
});

process.stdout.write(`ready ${issuer}\n`);
process.on("SIGTERM", () => process.exit(0));
