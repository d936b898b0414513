// The part of autocannon 9's programmatic API that scripts/lib/cannon.ts uses (it ships no types).
declare module "autocannon" {
  export interface CannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (req: CannonRequest, context: Record<string, unknown>) => CannonRequest | null;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  }
  export interface CannonClient {
    setRequests(requests: CannonRequest[]): void;
  }
  export interface CannonOptions {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: CannonRequest[];
    setupClient?: (client: CannonClient) => void;
  }
  export interface Histogram {
    average: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
    total: number;
  }
  export interface CannonResult {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    statusCodeStats?: Record<string, { count: number }>;
    "1xx": number;
    "2xx": number;
    "3xx": number;
    "4xx": number;
    "5xx": number;
  }
  export default function autocannon(opts: CannonOptions): Promise<CannonResult>;
}
