import { EmptyState } from '../shell/EmptyState';

export function CertificatesSide() {
  return (
    <EmptyState title="Certificates">
      <p>Certificates you earn for finished courses.</p>
    </EmptyState>
  );
}

export function CertificatesCanvas() {
  return (
    <EmptyState title="Certificates">
      <p>Finish a course to earn its Bronze certificate.</p>
    </EmptyState>
  );
}
