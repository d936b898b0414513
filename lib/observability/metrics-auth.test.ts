import { metricsAuthorized } from "./metrics-auth";

describe("/metrics bearer token", () => {
  test("open when no token is configured", () => {
    expect(metricsAuthorized(undefined, null)).toBe(true);
  });
  test("requires exactly the configured bearer token", () => {
    expect(metricsAuthorized("s3cret", "Bearer s3cret")).toBe(true);
    expect(metricsAuthorized("s3cret", "bearer s3cret")).toBe(true);
    expect(metricsAuthorized("s3cret", null)).toBe(false);
    expect(metricsAuthorized("s3cret", "Bearer ")).toBe(false);
    expect(metricsAuthorized("s3cret", "Bearer s3cre")).toBe(false);
    expect(metricsAuthorized("s3cret", "Basic s3cret")).toBe(false);
    expect(metricsAuthorized("s3cret", "Bearer s3cret-and-more")).toBe(false);
  });
});
