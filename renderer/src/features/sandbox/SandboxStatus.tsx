// The status bar's sandbox indicator: which driver runs code and whether it is isolated (or
// that none may), and, when a runner image is missing, a "Build image" button with live
// progress. It also holds the per-course consent dialog, which any Run, Check or Try it may open.
import { Box, ShieldAlert, ShieldCheck } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { messageOf } from '../../../../preload/contract';
import type { ImageBuildProgress, SandboxLanguage } from '../../../../preload/contract/sandbox';
import { useRegisterCommands, type AppCommand } from '../palette/command-registry';
import { useAppStore } from '../../app/app-store';
import { client } from '../../platform/client';
import { useCall } from '../../platform/use-call';
import { ProcessConsentDialog } from './ProcessConsentDialog';
import './sandbox.css';

const PREPARING_POLL_MS = 2000;

export function SandboxStatus() {
  // Turning the process driver on or off in Settings changes which driver runs code.
  const allowProcess = useAppStore((state) => state.settings?.sandbox.allowProcess);
  const { data: status, error: statusError, reload } = useCall('sandbox.status', {}, [allowProcess]);
  const [builds, setBuilds] = useState<Partial<Record<SandboxLanguage, ImageBuildProgress>>>({});
  const [buildError, setBuildError] = useState<string | null>(null);
  const error = buildError ?? statusError;

  useEffect(
    () =>
      client().on('sandbox.buildProgress', (progress) => {
        setBuilds((current) => ({ ...current, [progress.language]: progress }));
        if (progress.state !== 'running') reload();
      }),
    [reload],
  );

  // The WebAssembly driver loads Python in the background after start; until it first has, a
  // Check waits for it, so say so (and look again until it is ready).
  const [pythonReady, setPythonReady] = useState(false);
  if (!pythonReady && status?.warm.includes('python')) setPythonReady(true);
  const preparing = status?.driver === 'wasm' && !pythonReady && !status.warm.includes('python');
  useEffect(() => {
    if (!preparing) return;
    const timer = setTimeout(reload, PREPARING_POLL_MS);
    return () => clearTimeout(timer);
  }, [preparing, status, reload]);

  const missing = useMemo(() => status?.images.filter((image) => !image.present).map((image) => image.language) ?? [], [status]);
  const running = Object.values(builds).filter((build) => build?.state === 'running');
  const failed = Object.values(builds).find((build) => build?.state === 'failed');

  const buildMissing = useMemo(
    () => () => {
      setBuildError(null);
      for (const language of missing)
        void client()
          .call('sandbox.buildImage', { language })
          .catch((reason: unknown) => setBuildError(messageOf(reason)));
    },
    [missing],
  );
  const commands = useMemo<AppCommand[]>(
    () => (missing.length ? [{ id: 'sandbox.buildImages', title: 'Build the missing sandbox images', category: 'Sandbox', run: buildMissing }] : []),
    [missing, buildMissing],
  );
  useRegisterCommands(commands);

  if (!status)
    return error ? (
      <span className="sandbox-status sandbox-warn" title={error}>
        Sandbox unavailable
      </span>
    ) : (
      <ProcessConsentDialog />
    );
  const Icon = status.isolated ? ShieldCheck : ShieldAlert;
  const label = status.isolated
    ? status.driver === 'wasm'
      ? 'Sandbox: WebAssembly'
      : 'Sandbox: Docker'
    : status.driver === 'none'
      ? 'Sandbox: none'
      : 'Sandbox: not isolated';
  return (
    <span className="sandbox-status" data-testid="sandbox-status">
      <ProcessConsentDialog />
      <span className={status.isolated ? '' : 'sandbox-warn'} title={status.detail} aria-label={`Sandbox: ${status.detail}`} role="status">
        <Icon size={12} aria-hidden="true" /> {label}
      </span>
      {preparing && (
        <span className="sandbox-build" aria-live="polite" title="Loading Python in WebAssembly; the first Run or Check waits for it.">
          Preparing Python…
        </span>
      )}
      {running.map((build) => (
        <span key={build!.language} className="sandbox-build" title={build!.step}>
          <Box size={12} aria-hidden="true" /> {build!.language} image
          <progress max={100} value={build!.percent} aria-label={`Building the ${build!.language} image: ${build!.percent}%, ${build!.step}`} />{' '}
          {build!.percent}%
        </span>
      ))}
      {missing.length > 0 && running.length === 0 && (
        <button
          className="sandbox-build-button"
          onClick={buildMissing}
          title={`Missing: ${missing.join(', ')}. Builds from Debian packages (needs root) or the Dockerfile (needs a registry).`}
        >
          Build image{missing.length > 1 ? 's' : ''}
        </button>
      )}
      {(failed || error) && (
        <span className="sandbox-warn" title={failed?.error ?? error ?? ''}>
          Image build failed
        </span>
      )}
    </span>
  );
}
