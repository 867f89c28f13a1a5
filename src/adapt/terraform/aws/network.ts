/** VPCs, subnets, network ACLs, flow logs, VPC endpoints, NAT gateways, EIPs, EKS. */
import type { ResourceAdapter } from './context.js';

export const primary: Record<string, ResourceAdapter> = {};

export const folds: Record<string, ResourceAdapter> = {};
