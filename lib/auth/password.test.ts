import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with scrypt and a random salt, and verifies only the right password", async () => {
    const a = await hashPassword("correct horse 1");
    const b = await hashPassword("correct horse 1");
    expect(a).toMatch(/^scrypt\$15\$8\$1\$/);
    expect(a).not.toBe(b);
    await expect(verifyPassword("correct horse 1", a)).resolves.toBe(true);
    await expect(verifyPassword("correct horse 2", a)).resolves.toBe(false);
  });

  it("rejects malformed stored hashes instead of throwing", async () => {
    await expect(verifyPassword("x", "md5$abc")).resolves.toBe(false);
    await expect(verifyPassword("x", "scrypt$99$8$1$a$b")).resolves.toBe(false);
  });
});
