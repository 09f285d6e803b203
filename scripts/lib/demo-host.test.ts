import { describe, expect, it } from "vitest";
import { demoHost } from "./demo-host";

describe("demoHost", () => {
  it("listens on this machine only unless HOST says otherwise", () => {
    expect(demoHost({})).toEqual({ listen: "127.0.0.1", local: "127.0.0.1" });
    expect(demoHost({ HOST: "" })).toEqual({ listen: "127.0.0.1", local: "127.0.0.1" });
    expect(demoHost({ HOST: "0.0.0.0" })).toEqual({ listen: "0.0.0.0", local: "127.0.0.1" });
    expect(demoHost({ HOST: "192.168.1.20" })).toEqual({ listen: "192.168.1.20", local: "192.168.1.20" });
  });
});
