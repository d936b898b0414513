// Which addresses a webhook may reach when private targets are not allowed.
import { isPrivateAddress } from "./address-policy";

test.each([
  "127.0.0.1",
  "127.1.2.3",
  "10.0.0.5",
  "172.16.0.1",
  "172.31.255.255",
  "192.168.1.1",
  "169.254.169.254",
  "100.64.0.1",
  "0.0.0.0",
  "224.0.0.1",
  "255.255.255.255",
  "::1",
  "::",
  "fd00::1",
  "fe80::1",
  "::ffff:127.0.0.1",
  "::ffff:10.0.0.1",
  "not-an-ip",
])("%s is refused", (a) => expect(isPrivateAddress(a)).toBe(true));

test.each(["1.1.1.1", "93.184.216.34", "172.32.0.1", "192.169.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])(
  "%s is allowed",
  (a) => expect(isPrivateAddress(a)).toBe(false),
);
