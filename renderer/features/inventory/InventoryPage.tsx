// Inventory area: the overview, lots and a lot's ledger, receiving deliveries, cycle counts, recall traces and the catalogue.
import { Stack } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { CataloguePage } from './CataloguePage';
import { CycleCountPage } from './CycleCountPage';
import { InventoryOverviewPage } from './InventoryOverviewPage';
import { LotDetailPage } from './LotDetailPage';
import { LotsPage } from './LotsPage';
import { LotTracePage } from './LotTracePage';
import { ReceivePage } from './ReceivePage';

export function InventoryPage() {
  return (
    <Stack>
      {/* Paths are relative to /inventory, where the app mounts this area. */}
      <Routes>
        <Route index element={<InventoryOverviewPage />} />
        <Route path="lots" element={<LotsPage />} />
        <Route path="lots/:lotId" element={<LotDetailPage />} />
        <Route path="lots/:lotId/trace" element={<LotTracePage />} />
        <Route path="receive" element={<ReceivePage />} />
        <Route path="count" element={<CycleCountPage />} />
        <Route path="catalogue" element={<CataloguePage />} />
        <Route path="*" element={<Navigate to="/inventory" replace />} />
      </Routes>
    </Stack>
  );
}
