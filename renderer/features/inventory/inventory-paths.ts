// Addresses of the inventory pages (hash routes), so links from the Dashboard and between pages agree.
export const inventoryPaths = {
  overview: '/inventory',
  lots: (itemId?: number) => (itemId === undefined ? '/inventory/lots' : `/inventory/lots?itemId=${itemId}`),
  lot: (lotId: number) => `/inventory/lots/${lotId}`,
  trace: (lotId: number) => `/inventory/lots/${lotId}/trace`,
  receive: '/inventory/receive',
  count: '/inventory/count',
  catalogue: '/inventory/catalogue',
} as const;
