/**
 * Which non-native builtins a compiled policy needs, and which ones the JS SDK provides.
 * Used at build time (to derive the capabilities file) and at load time (to refuse a module
 * that needs a builtin nobody implements, before any scan runs).
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Builtins the `@open-policy-agent/opa-wasm` SDK implements in JavaScript. */
export function sdkBuiltins(): Set<string> {
  const entry = require.resolve('@open-policy-agent/opa-wasm');
  // The SDK does not export its builtin table; read it from its sources by absolute path.
  const table = require(path.join(path.dirname(entry), 'builtins', 'index.js')) as Record<string, unknown>;
  return new Set(Object.keys(table));
}

interface WasmExports {
  memory?: WebAssembly.Memory;
  builtins(): number;
  opa_json_dump(addr: number): number;
}

function readCString(memory: WebAssembly.Memory, addr: number): string {
  const bytes = new Uint8Array(memory.buffer);
  let end = addr;
  while (bytes[end] !== 0) end++;
  return new TextDecoder().decode(bytes.subarray(addr, end));
}

/** Names of the non-native builtins an instantiated OPA wasm module calls. */
export function moduleBuiltins(instance: WebAssembly.Instance, memory: WebAssembly.Memory): string[] {
  const ex = instance.exports as unknown as WasmExports;
  const json = readCString(memory, ex.opa_json_dump(ex.builtins()));
  return Object.keys(JSON.parse(json) as Record<string, number>);
}

/** Instantiates module bytes with inert imports, only to read `builtins()`. */
export async function requiredBuiltins(wasm: Uint8Array): Promise<string[]> {
  const memory = new WebAssembly.Memory({ initial: 5 });
  const fail = () => {
    throw new Error('builtin called during inspection');
  };
  const source = (await WebAssembly.instantiate(wasm as BufferSource, {
    env: {
      memory,
      opa_abort: fail,
      opa_println: () => undefined,
      opa_builtin0: fail,
      opa_builtin1: fail,
      opa_builtin2: fail,
      opa_builtin3: fail,
      opa_builtin4: fail,
    },
  })) as unknown as WebAssembly.WebAssemblyInstantiatedSource;
  return moduleBuiltins(source.instance, memory);
}
