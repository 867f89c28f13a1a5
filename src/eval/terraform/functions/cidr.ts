/**
 * cidrhost, cidrnetmask, cidrsubnet, cidrsubnets with exact BigInt arithmetic for IPv4 and IPv6
 * (Terraform's ipaddr/go-cidr semantics). Addresses print like Go's net.IP.String().
 */
import { FunctionError } from './values.js';

interface Network {
  v6: boolean;
  bits: number; // 32 or 128
  ip: bigint; // network address (host bits cleared)
  prefix: number;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    // Terraform's ipaddr package (forked from Go 1.16) accepts decimal octets, leading zeros included.
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseIPv6(s: string): bigint | undefined {
  let head = s;
  let v4tail: bigint | undefined;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    v4tail = parseIPv4(s.slice(lastColon + 1));
    if (v4tail === undefined) return undefined;
    head = s.slice(0, lastColon + 1) + '0:0';
  }
  const dbl = head.split('::');
  if (dbl.length > 2) return undefined;
  const parseGroups = (t: string): number[] | undefined => {
    if (t === '') return [];
    const gs = t.split(':');
    const out: number[] = [];
    for (const g of gs) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const left = parseGroups(dbl[0]);
  const right = dbl.length === 2 ? parseGroups(dbl[1]) : [];
  if (!left || !right) return undefined;
  let groups: number[];
  if (dbl.length === 2) {
    const fill = 8 - left.length - right.length;
    if (fill < 1) return undefined;
    groups = [...left, ...new Array<number>(fill).fill(0), ...right];
  } else {
    groups = left;
  }
  if (groups.length !== 8) return undefined;
  let v = 0n;
  for (const g of groups) v = (v << 16n) | BigInt(g);
  if (v4tail !== undefined) v = (v & ~0xffffffffn) | v4tail;
  return v;
}

export function parseCidr(s: string): Network {
  const slash = s.indexOf('/');
  if (slash < 0) throw new FunctionError(`invalid CIDR expression: invalid CIDR address: ${s}`);
  const addr = s.slice(0, slash);
  const lenS = s.slice(slash + 1);
  const v6 = addr.includes(':');
  const bits = v6 ? 128 : 32;
  const ip = v6 ? parseIPv6(addr) : parseIPv4(addr);
  if (ip === undefined || !/^\d{1,3}$/.test(lenS) || Number(lenS) > bits)
    throw new FunctionError(`invalid CIDR expression: invalid CIDR address: ${s}`);
  const prefix = Number(lenS);
  return { v6, bits, ip: ip & mask(prefix, bits), prefix };
}

function mask(prefix: number, bits: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return prefix === 0 ? 0n : (all << BigInt(bits - prefix)) & all;
}

export function formatIP(ip: bigint, v6: boolean): string {
  if (!v6) {
    return [24n, 16n, 8n, 0n].map((sh) => String((ip >> sh) & 255n)).join('.');
  }
  // IPv4-mapped addresses print in dotted form, as Go does.
  if (ip >> 32n === 0xffffn) return formatIP(ip & 0xffffffffn, false);
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((ip >> BigInt(i * 16)) & 0xffffn));
  // Longest run of zero groups (length ≥ 2) becomes "::" (RFC 5952).
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLen < 2) return hex.join(':');
  return hex.slice(0, bestStart).join(':') + '::' + hex.slice(bestStart + bestLen).join(':');
}

function formatNet(ip: bigint, prefix: number, v6: boolean): string {
  return `${formatIP(ip, v6)}/${prefix}`;
}

export function cidrHost(prefix: string, hostnum: number): string {
  const net = parseCidr(prefix);
  const hostBits = net.bits - net.prefix;
  const size = 1n << BigInt(hostBits);
  let num = BigInt(hostnum);
  if (num < 0n) num += size; // negative numbers count back from the end
  if (num < 0n || num >= size)
    throw new FunctionError(`prefix of ${net.prefix} does not accommodate a host numbered ${hostnum}`);
  return formatIP(net.ip | num, net.v6);
}

export function cidrNetmask(prefix: string): string {
  const net = parseCidr(prefix);
  if (net.v6) throw new FunctionError('IPv6 addresses cannot have a netmask: ' + prefix);
  return formatIP(mask(net.prefix, 32), false);
}

export function cidrSubnet(prefix: string, newbits: number, netnum: number): string {
  const net = parseCidr(prefix);
  const newPrefix = net.prefix + newbits;
  // go-cidr lets a negative newbits shorten the prefix (netnum 0 only: other numbers land in
  // bits of the base address, which Palisade refuses rather than imitates)
  if (newbits < 0 && (newPrefix < 0 || netnum !== 0)) throw new FunctionError('newbits must not be negative');
  if (newbits < 0) return formatNet(net.ip, newPrefix, net.v6);
  if (newPrefix > net.bits)
    throw new FunctionError(
      `insufficient address space to extend prefix of ${net.prefix} by ${newbits}`,
    );
  if (netnum < 0) throw new FunctionError(`prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
  const num = BigInt(netnum);
  if (num >= 1n << BigInt(newbits))
    throw new FunctionError(`prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
  const ip = net.ip | (num << BigInt(net.bits - newPrefix));
  return formatNet(ip, newPrefix, net.v6);
}

export function cidrSubnets(prefix: string, newbits: number[]): string[] {
  const net = parseCidr(prefix);
  const all = (1n << BigInt(net.bits)) - 1n;
  const last = (ip: bigint, len: number) => ip | (all & ~mask(len, net.bits));
  const netLast = last(net.ip, net.prefix);
  if (newbits.length === 0) return [];
  const firstLen = net.prefix + newbits[0];
  if (newbits[0] < 1) throw new FunctionError(`must extend prefix by at least one bit`);
  if (firstLen > net.bits)
    throw new FunctionError(`would extend prefix to ${firstLen} bits, which is too long for an IPv${net.v6 ? 6 : 4} address`);
  // go-cidr PreviousSubnet: the subnet of the first length just before the network.
  let current = ((net.ip - 1n) & all) & mask(firstLen, net.bits);
  let currentLen = firstLen;
  const out: string[] = [];
  newbits.forEach((nb, i) => {
    if (nb < 1) throw new FunctionError(`must extend prefix by at least one bit`);
    const len = net.prefix + nb;
    if (len > net.bits)
      throw new FunctionError(`would extend prefix to ${len} bits, which is too long for an IPv${net.v6 ? 6 : 4} address`);
    // go-cidr NextSubnet.
    const currentLast = last(current, currentLen);
    const m = mask(len, net.bits);
    const sub = currentLast & m;
    const nextStart = (last(sub, len) + 1n) & all;
    const next = nextStart & m;
    if (nextStart === 0n || next < net.ip || next > netLast) {
      throw new FunctionError(
        `invalid new bits ${i}: not enough remaining address space for a subnet with a prefix of ${len} bits after ${formatNet(current, currentLen, net.v6)}`,
      );
    }
    current = next;
    currentLen = len;
    out.push(formatNet(current, len, net.v6));
  });
  return out;
}
