/** The connectivity options the decision ranks (engine.ts) and prices (costs.ts). */
export type OptionId =
  | 'gateway-endpoint'
  | 'interface-endpoint'
  | 'endpoint-service'
  | 'vpc-peering'
  | 'transit-gateway'
  | 'vpc-lattice'
  | 'centralized-endpoints';
