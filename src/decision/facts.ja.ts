/**
 * The Japanese user-facing text of every fact in facts.ts (sources, dates and ids stay there).
 * Terms and tone follow shared/glossary-ja.md (the AWS Japanese documentation); API and parameter names, error
 * codes, service names and numbers are kept literally. `was2018` is past tense, as it describes May 2018.
 */
import type { FactEntry, FactId } from './facts.js';

/** A fact's words: `was2018` exactly when the English fact has one. */
export type FactWords<I extends FactId> =
  Extract<FactEntry, { id: I }> extends { was2018: string } ? { today: string; was2018: string } : { today: string; was2018?: never };

export type FactTexts = { readonly [I in FactId]: FactWords<I> };

const SAME = '現在と同じです。';

export const FACT_TEXT_JA: FactTexts = {
  'gateway.services': {
    today: 'ゲートウェイエンドポイントがあるのは Amazon S3 と DynamoDB だけです。',
    was2018: 'ゲートウェイエンドポイントは S3 と DynamoDB のみでした。',
  },
  'interface.services': {
    today: 'インターフェイスエンドポイントからは、数百の AWS のサービス、独自のエンドポイントサービス、パートナーや Marketplace のサービスにアクセスできます。',
    was2018: 'インターフェイスエンドポイントで利用できたのは、数十の AWS のサービス、エンドポイントサービス、Marketplace のサービスでした。',
  },
  'interface.s3-dynamodb': {
    today: 'S3（2021 年 2 月以降）と DynamoDB（2024 年 3 月以降）では、ゲートウェイエンドポイントに加えてインターフェイスエンドポイントも使用できます。',
    was2018: 'S3 と DynamoDB には、ゲートウェイエンドポイント経由でしかアクセスできませんでした。',
  },
  'endpoint.newer-types': {
    today:
      '新しいエンドポイントタイプとして、GatewayLoadBalancer（検査用アプライアンス向け、2020 年 11 月）、Resource と ServiceNetwork（VPC Lattice、2024 年 12 月）があります。',
  },
  'gateway.free': {
    today: 'ゲートウェイエンドポイントに料金はかかりません。',
  },
  'gateway.same-region': {
    today: 'ゲートウェイエンドポイントからアクセスできるのは、同じリージョンのサービスだけです。',
    was2018: 'ゲートウェイエンドポイントは同じリージョン内でのみ使用できました。',
  },
  'gateway.no-outside-access': {
    today: 'ゲートウェイエンドポイントは、オンプレミス（Direct Connect、VPN）、ピアリング接続された VPC、Transit Gateway 経由では使用できません。',
    was2018: 'ゲートウェイエンドポイントには、VPN、ピアリング接続、Direct Connect 経由ではアクセスできませんでした。',
  },
  'gateway.nacl-sg': {
    today:
      'ゲートウェイエンドポイントのトラフィックはルートで制御します。インスタンスのセキュリティグループではプレフィックスリストを参照できますが、ネットワーク ACL では参照できません。',
    was2018: SAME,
  },
  'interface.outside-access': {
    today:
      'インターフェイスエンドポイントには、Direct Connect、Site-to-Site VPN、リージョン内およびリージョン間の VPC ピアリング、Transit Gateway 経由でアクセスできます。',
    was2018: 'インターフェイスエンドポイントには Direct Connect 経由でアクセスできましたが、VPN や VPC ピアリング経由ではアクセスできませんでした。',
  },
  'interface.one-subnet-per-az': {
    today:
      'インターフェイスエンドポイントは、サブネットごとにネットワークインターフェイスを 1 つ作成します。サブネットはアベイラビリティーゾーンごとに 1 つまでです（DuplicateSubnetsInSameZone）。',
    was2018: 'インターフェイスエンドポイントはサブネットごとに作成されていました。',
  },
  'interface.security-group': {
    today:
      'エンドポイントのセキュリティグループでは、クライアントからサービスのポートへのインバウンドトラフィックを許可する必要があります。AWS のサービスの API では TCP 443、エンドポイントサービスや SaaS ではサービスプロバイダーのロードバランサーのリスナーのポートとプロトコルです。セキュリティグループを指定しない場合は、VPC のデフォルトのセキュリティグループがアタッチされます。',
    was2018: 'エンドポイントにはセキュリティグループがアタッチされていました。',
  },
  'interface.policy': {
    today:
      'インターフェイスエンドポイントでは、サービスが対応している場合（VpcEndpointPolicySupported）にエンドポイントポリシーを使用できます。デフォルトのポリシーはフルアクセスを許可します。ポリシーは最大 20,480 文字です。',
    was2018: 'インターフェイスエンドポイントはエンドポイントポリシーに対応していませんでした。',
  },
  'interface.bandwidth': {
    today: 'AZ あたり 10 Gbps で、AZ あたり 100 Gbps まで自動的にスケールします。MTU は 8,500 バイトで、パス MTU 検出はサポートされていません。',
    was2018: 'エンドポイントのネットワークインターフェイスあたり 10 Gbps でした。',
  },
  'privatelink.protocols': {
    today:
      'PrivateLink は TCP を伝送します。UDP リスナーを持つ Network Load Balancer の背後にあるエンドポイントサービスでは UDP も伝送します。ICMP などその他のプロトコルは伝送されず、接続を開始できるのはサービスコンシューマーだけです。',
    was2018: 'TCP のみでした。',
  },
  'interface.ipv6': {
    today: 'インターフェイスエンドポイントとエンドポイントサービスは、IPv4、IPv6、デュアルスタックに対応しています（IpAddressType、DnsRecordIpType）。',
    was2018: 'インターフェイスエンドポイントは IPv4 のみでした。',
  },
  'gateway.ipv6': {
    today: 'ゲートウェイエンドポイントは、デュアルスタック（IPv4 と IPv6）のトラフィックに対応しています。',
    was2018: 'ゲートウェイエンドポイントは IPv4 のみでした。',
  },
  'interface.cross-region': {
    today:
      'インターフェイスエンドポイントから、同じパーティション内の別のリージョンにあるエンドポイントサービスにアクセスできます。サービスコンシューマーは ServiceRegion を指定し、サービスプロバイダーはそのサービスでコンシューマーのリージョンを有効にする必要があります。',
    was2018: 'PrivateLink は 1 つのリージョン内でのみ使用できました。',
  },
  'interface.cross-region-aws-services': {
    today:
      'インターフェイスエンドポイントでクロスリージョンアクセスができる AWS のサービスは、公開されているリストにある S3、IAM、ECR（api、dkr）、KMS、ECS、Lambda、Data Firehose、Managed Service for Apache Flink、Route 53 だけです。Kinesis Data Streams と DynamoDB はリストにないため、サービスのリージョンにエンドポイントを作成し、リージョン間の VPC ピアリングまたは Transit Gateway ピアリング経由でアクセスしてください。',
    was2018: 'エンドポイント経由で別のリージョンの AWS のサービスにアクセスすることはできませんでした。',
  },
  'endpoint.tags': {
    today: 'エンドポイントには、作成時も含めてタグを付けることができます（TagSpecifications）。',
    was2018: 'エンドポイントにはタグを付けることができませんでした。',
  },
  'gateway.quota': {
    today: 'ゲートウェイエンドポイントのクォータは、リージョンあたり 20（引き上げ可能）、VPC あたり最大 255 です。',
    was2018: 'ゲートウェイエンドポイントのクォータはリージョンあたり 20 で、255 まで引き上げ可能でした。',
  },
  'interface.quota': {
    today: 'インターフェイスエンドポイントのクォータは VPC あたり 50 で、引き上げ可能です（Gateway Load Balancer エンドポイントと共有）。',
    was2018: 'インターフェイスエンドポイントのクォータは VPC あたり 20 で、引き上げできませんでした。',
  },
  'interface.cost': {
    today:
      'インターフェイスエンドポイントの料金は、エンドポイントごと・AZ ごとの時間料金と、処理したデータ量に応じた料金（最初の 1 PB までは約 $0.01/GB）です。料金はリージョンによって異なります。',
  },
  'dns.vpc-attributes': {
    today: 'プライベート DNS を使用するには、VPC 属性 enableDnsSupport と enableDnsHostnames の両方を true に設定する必要があります。',
    was2018: SAME,
  },
  'dns.matrix': {
    today:
      'プライベート DNS を有効にすると、サービスのデフォルトの DNS 名とエンドポイント固有の DNS 名のどちらもエンドポイントを経由します。無効にすると、デフォルトの DNS 名はパブリックサブネットからはインターネット経由になり、プライベートサブネットからは失敗します。エンドポイント固有の DNS 名は常にエンドポイントを経由します。',
    was2018: SAME,
  },
  'dns.one-per-vpc': {
    today: 'あるサービスのプライベート DNS を持てるのは、VPC ごとに 1 つのエンドポイントだけです。',
  },
  'dns.on-premises': {
    today:
      'サービスのデフォルトの DNS 名を使うオンプレミスのクライアントには、VPC 内の Route 53 Resolver インバウンドエンドポイントへの条件付きフォワーダーが必要です。エンドポイント固有の DNS 名はパブリック DNS でプライベート IP アドレスに解決されるため、Direct Connect や VPN 経由でも使用できます。',
  },
  'dns.peered-vpc': {
    today:
      'ピアリング接続された VPC や Transit Gateway にアタッチされた VPC からは、その VPC の DNS をエンドポイントに向けない限り（Resolver ルールまたは共有したプライベートホストゾーン）、サービスのデフォルトの DNS 名はパブリック IP アドレスに解決されます。エンドポイント固有の DNS 名は、ルートとセキュリティグループが許可していれば使用できます。',
  },
  'dns.inbound-only': {
    today:
      'S3 と DynamoDB のインターフェイスエンドポイントでは、DnsOptions.PrivateDnsOnlyForInboundResolverEndpoint を指定したプライベート DNS を使用できます。プライベート DNS を有効にするとこの値のデフォルトは true で、VPC にそのサービスのゲートウェイエンドポイントがまだない場合、EC2 は作成を拒否します。VPC 内のクライアントは引き続きゲートウェイエンドポイントを使用し、インターフェイスエンドポイントの IP アドレスが返されるのは Resolver インバウンドエンドポイント経由の問い合わせ（オンプレミス）だけです。false に設定すると、VPC 内のトラフィックもインターフェイスエンドポイントを経由し、ゲートウェイエンドポイントは不要です。',
    was2018: 'S3 と DynamoDB にはインターフェイスエンドポイントがなかったため、そのプライベート DNS もありませんでした。',
  },
  'dns.global-names': {
    today: 'グローバルサービスのエンドポイントサービス名には、com.amazonaws.iam や com.amazonaws.route53 のようにリージョンが含まれません。',
  },
  'dns.endpoint-service-names': {
    today:
      'ほとんどのエンドポイントサービス（独自のサービスやパートナーのサービス）には、検証済みのプライベート DNS 名がありません。これらのエンドポイントはプライベート DNS を無効にして作成し（有効にすると InvalidParameter で失敗します）、エンドポイント固有の DNS 名を使用してください。',
  },
  'peering.whole-vpc': {
    today: 'VPC ピアリングは VPC 全体を双方向に、任意のプロトコルで接続します。通信はルート、ネットワーク ACL、セキュリティグループで絞り込みます。',
    was2018: SAME,
  },
  'privatelink.one-way': {
    today: 'PrivateLink は一方向です。接続を開始できるのはサービスコンシューマーだけで、アクセスできるのはエンドポイントの背後にあるサービスだけです。',
    was2018: SAME,
  },
  'peering.overlap': {
    today: 'IPv4 または IPv6 の CIDR ブロックが重複している VPC どうしはピアリングできません。PrivateLink は CIDR ブロックの重複の影響を受けません。',
    was2018: SAME,
  },
  'peering.no-transit': {
    today:
      'VPC ピアリングでは、推移的なルーティングもエッジ間ルーティングもできません。オンプレミスのネットワークや他のピア VPC は、ピアリング接続を経由して通信できません。',
    was2018: SAME,
  },
  'peering.cross-region': {
    today: 'VPC ピアリングは、リージョン間でもアカウント間でも使用できます。',
    was2018: SAME,
  },
  'peering.quota': {
    today: 'アクティブな VPC ピアリング接続は VPC あたり最大 50 で、引き上げ可能ですが上限は 125 です。VPC のペアごとにピアリング接続は 1 つです。',
    was2018: 'VPC あたり 50 で、125 まで引き上げ可能でした。',
  },
  'peering.cost': {
    today: 'VPC ピアリングに時間料金はかかりません。2021 年 5 月以降、同じ AZ 内のデータ転送は無料です。AZ 間とリージョン間のデータ転送には料金がかかります。',
  },
  'privatelink.acceptance': {
    today:
      'エンドポイントサービスでは承諾を必須にできます。その場合、エンドポイントはサービスプロバイダーが承諾するまで承諾待ち（pendingAcceptance）になります。',
    was2018: SAME,
  },
  'privatelink.nlb': {
    today:
      '独自のサービスは、Network Load Balancer の背後にあるエンドポイントサービスとして公開します（データベースなど 1 つのリソースであれば、2024 年 12 月以降は NLB なしで VPC Lattice のリソース設定を使用できます）。',
    was2018: 'エンドポイントサービスには Network Load Balancer が必要でした。',
  },
  'privatelink.saas': {
    today: 'エンドポイントサービスとして提供されるパートナーや Marketplace の SaaS は、インターフェイスエンドポイント経由で利用します。',
    was2018: SAME,
  },
  'tgw.hub': {
    today: 'Transit Gateway はリージョンのハブです。VPC、VPN、Direct Connect をアタッチすると推移的にルーティングされ、ルートテーブルでセグメント化できます。',
  },
  'tgw.overlap': {
    today:
      'Transit Gateway は送信先 CIDR でルーティングするため、アタッチするネットワークの CIDR ブロックは重複してはなりません。ただし、重複する側のアドレスをプライベート NAT ゲートウェイで変換する場合は除きます。',
  },
  'tgw.regional': {
    today:
      'Transit Gateway はリージョン単位のリソースです。別のリージョンの VPC はそのリージョンの Transit Gateway にアタッチし、2 つの Transit Gateway を Transit Gateway ピアリングアタッチメントで接続します。',
  },
  'nat.private-overlap': {
    today:
      'Transit Gateway の背後にプライベート NAT ゲートウェイを置くと、CIDR ブロックが重複するネットワーク間で通信できます（TCP、UDP、ICMP）。重複する VPC からの接続は、NAT ゲートウェイの重複しないアドレスから送信されます。NAT ゲートウェイは外部から開始されたインバウンド接続を受け付けないため、逆方向からは、重複しない（ルーティング可能な）サブネットにあるアドレス（そこに置いたロードバランサーなど）にしかアクセスできません。',
  },
  'privatelink.pair': {
    today: 'PrivateLink は一方向のため、PrivateLink で双方向に通信するには、それぞれの側が 1 つずつ公開する 2 つのエンドポイントサービスが必要です。',
  },
  'lattice.service-network': {
    today:
      'VPC Lattice サービスネットワークは、HTTP、HTTPS、gRPC、TLS の多数のサービス（と TCP のリソース）を多数の VPC やアカウントと、認証ポリシー付きで接続します。CIDR ブロックの重複は問題になりません。VPC ピアリング、Transit Gateway、Direct Connect、VPN 経由のクライアントは、サービスネットワーク VPC エンドポイントを経由する場合にのみアクセスできます。',
  },
  'lattice.resource-endpoint': {
    today:
      'リソースエンドポイント（VPC Lattice のリソース設定、2024 年 12 月以降）は、データベースなど 1 つのリソースに、IP アドレスまたは DNS 名と TCP ポートで、ロードバランサーなしでアクセスします。',
    was2018: '1 つのリソースをプライベートに共有するには、その前に Network Load Balancer を置き、エンドポイントサービスを作成する必要がありました。',
  },
  'lattice.protocols': {
    today:
      'VPC Lattice サービスのリスナーは、HTTP、HTTPS（HTTP/1.1、HTTP/2、gRPC）、TLS パススルーに対応し、WebSockets には対応していません。TCP のみの通信は、リソース設定とリソースゲートウェイを経由したリソースへのアクセスに限られます。UDP と ICMP は伝送しません。',
  },
  'lattice.quota': {
    today: 'VPC あたり、リソースエンドポイントは最大 200、サービスネットワークエンドポイントは最大 50 です。',
  },
  'tgw.mesh-math': {
    today:
      'n 個の VPC をフルメッシュで接続するには n(n-1)/2 のピアリング接続が必要で（100 VPC で 4,950）、VPC あたりのピアリング接続は最大 125 です。Transit Gateway なら、VPC ごとにアタッチメントが 1 つで済みます。',
  },
  'central.endpoints': {
    today:
      'インターフェイスエンドポイントを 1 つの共有サービス VPC に置き、VPC ごとのエンドポイント（それぞれ AZ ごとの時間料金がかかります）の代わりに、Transit Gateway または VPC ピアリング経由ですべてのスポーク VPC から使用できます。プライベート DNS の AWS マネージドのプライベートホストゾーンはエンドポイントの VPC 内でのみ機能するため、プライベート DNS を無効にし、サービス名ごとにエンドポイントへのエイリアスレコードを持つプライベートホストゾーンを作成して、スポーク VPC に関連付けます。ゲートウェイエンドポイントには一元化の利点はありません。',
  },
  'central.resolver': {
    today:
      'スポーク内のホストが共有プライベートホストゾーンを使用できるのは、その VPC の Route 53 Resolver（VPC のベースアドレス + 2）を経由する場合だけです。カスタム DNS サーバーはクエリをそこに転送する必要があります。',
  },
  'dns.route53-profiles': {
    today:
      'Route 53 プロファイルは、プライベートホストゾーン、Resolver ルール、DNS Firewall ルールグループをまとめて多数の VPC に適用します。AWS RAM で共有すると、他のアカウントの VPC にも適用できます。VPC に関連付けられるプロファイルは 1 つだけです。',
  },
  'tgw.data-processing': {
    today:
      'Transit Gateway の料金は、アタッチメントごとの時間料金と処理したデータ量（GB）に応じた料金で、インターフェイスエンドポイント自体のデータ処理料金に加えてかかります。',
  },
  's3express.gateway': {
    today:
      'S3 Express One Zone のディレクトリバケットには、リージョン API エンドポイントとゾーン API エンドポイントの両方について、VPC からゲートウェイエンドポイント（com.amazonaws.<region>.s3express）経由で追加料金なしでアクセスします。',
  },
};
