// Downloads a finished bundle in chunks, showing how much has arrived; an error shows beside the button.
import { Button, Group, Progress, Stack } from '@mantine/core';
import { useState } from 'react';
import { useApiClient } from '../../api/ApiClientProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes } from './bundle-chunks';
import { downloadBundle } from './download-bundle';

export function DownloadBundleButton({ exportId, fileName, label = 'Download bundle', size }: { exportId: string; fileName: string; label?: string; size?: 'xs' | 'sm' }) {
  const client = useApiClient();
  const [received, setReceived] = useState<{ bytes: number; of: number } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const start = async () => {
    setIsBusy(true);
    setError(null);
    setReceived(null);
    try {
      await downloadBundle(client, exportId, fileName, (bytes, of) => setReceived({ bytes, of }));
    } catch (caught) {
      setError(caught);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Button size={size} onClick={() => void start()} loading={isBusy} aria-label={`${label}: ${fileName}`}>
          {label}
        </Button>
        {isBusy && received && (
          <Progress
            w={160}
            value={received.of === 0 ? 0 : (received.bytes / received.of) * 100}
            aria-label={`Downloading ${fileName}: ${formatBytes(received.bytes)} of ${formatBytes(received.of)}`}
          />
        )}
      </Group>
      <ErrorAlert title="Download failed" error={error} />
    </Stack>
  );
}
