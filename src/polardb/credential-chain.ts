import Credential, {
  CLIProfileCredentialsProvider,
  ECSRAMRoleCredentialsProvider,
  EnvironmentVariableCredentialsProvider,
  OIDCRoleArnCredentialsProvider,
  ProfileCredentialsProvider,
  URICredentialsProvider,
} from '@alicloud/credentials';
import type { CredentialsProvider } from '@alicloud/credentials';

type Credentials = Awaited<ReturnType<CredentialsProvider['getCredentials']>>;

/**
 * The library's default chain (environment, OIDC role, CLI profile, credentials file, ECS RAM role,
 * credentials URI), in its order, with one difference: the credentials-URI step is there only when
 * `ALIBABA_CLOUD_CREDENTIALS_URI` is set. The library adds it unconditionally, and without a URI it asks
 * DNS for the host `undefined`, a query that leaves the machine for nothing.
 */
export class CredentialChain implements CredentialsProvider {
  readonly providers: CredentialsProvider[];
  private lastWorking?: CredentialsProvider;

  constructor() {
    const steps: (() => CredentialsProvider)[] = [
      () => EnvironmentVariableCredentialsProvider.builder().build(),
      () => OIDCRoleArnCredentialsProvider.builder().build(),
      () => CLIProfileCredentialsProvider.builder().build(),
      () => ProfileCredentialsProvider.builder().build(),
      () => ecsRamRole(process.env.ALIBABA_CLOUD_ECS_METADATA),
    ];
    const uri = process.env.ALIBABA_CLOUD_CREDENTIALS_URI;
    if (uri) steps.push(() => URICredentialsProvider.builder().withCredentialsURI(uri).build());
    // A step whose configuration is absent (no OIDC variables, metadata disabled...) refuses to build.
    this.providers = steps.flatMap((build) => {
      try {
        return [build()];
      } catch {
        return [];
      }
    });
  }

  /** Keeps to the provider that last worked, so a refresh asks the same source; else tries each in turn. */
  async getCredentials(): Promise<Credentials> {
    if (this.lastWorking) return this.lastWorking.getCredentials();
    const reasons: string[] = [];
    for (const provider of this.providers) {
      try {
        const credentials = await provider.getCredentials();
        this.lastWorking = provider;
        return credentials;
      } catch (error) {
        reasons.push(`${provider.getProviderName()}: ${withoutResponseBody(error)}`);
      }
    }
    throw new Error(`unable to get credentials from any provider in the chain (${reasons.join('; ') || 'none'})`);
  }

  getProviderName(): string {
    return 'default';
  }
}

/**
 * A provider's failure without the response body the library quotes (`message = …`, `result: …`, or a JSON
 * parse error's snippet of it): a credentials endpoint's half-written answer may hold a secret, and this text
 * reaches the start-up log.
 */
function withoutResponseBody(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/(, message = |, json parse failed: |, result: )[\s\S]*$/, ' (response body withheld)');
}

/** The ECS RAM role step; its builder refuses to build when the metadata service is disabled. */
function ecsRamRole(roleName: string | undefined): CredentialsProvider {
  const builder = ECSRAMRoleCredentialsProvider.builder();
  return (roleName ? builder.withRoleName(roleName) : builder).build();
}

/** A credential client over {@link CredentialChain}: what the worker uses when nothing explicit is given. */
export function defaultCredential(): Credential {
  return new Credential(null, new CredentialChain());
}
