/**
 * The Japanese catalog: the same keys and functions as `en` (src/messages.ts), in the tone and terms of the AWS
 * Japanese documentation (shared/glossary-ja.md). Commands, `key=value` words, ids, service, API and parameter
 * names, error codes and CLI lines stay literal. Sentences that `en` assembles from parts are assembled here in
 * Japanese word order from the same data.
 */
import type { Messages } from './messages.js';

import { channelRef, code, escapeMrkdwn as esc, link, mention } from './mrkdwn.js';

type FieldError = Parameters<Messages['fieldError']>[1];
type ParseError = Parameters<Messages['parseError']>[0];

/** Joins Japanese text to what follows it: a space only after a Latin word (`Transit Gateway のみ`, `VPC ピアリングのみ`). */
const spaced = (text: string, next: string) => `${text}${/[\x21-\x7e]$/.test(text) ? ' ' : ''}${next}`;

/**
 * Lists arrive joined with `, ` (the cores join ids, AZs, CIDRs and ports once for every language): in Japanese they
 * are joined with 、, as plain text or as one code span per item.
 */
const list = (joined: string | undefined) => esc((joined ?? '').split(', ').join('、'));
const codes = (joined: string | undefined) => (joined === undefined ? '' : joined.split(', ').map(code).join('、'));

/** EC2 endpoint states as the Japanese console words, with the API value beside them. */
const ENDPOINT_STATES: Record<string, string> = {
  pending: '保留中',
  pendingacceptance: '承諾待ち',
  available: '使用可能',
  deleting: '削除中',
  deleted: '削除済み',
  rejected: '却下',
  failed: '失敗',
  expired: '期限切れ',
  partial: '一部のみ作成',
};
const endpointState = (state: string) => {
  const word = ENDPOINT_STATES[state.toLowerCase()];
  return word ? `${word}（${esc(state)}）` : esc(state);
};

const usage: Messages['usage'] = {
  help: '/privatelink help',
  compare:
    '/privatelink compare [target=… onprem=yes|no overlap=yes|no|unknown cross-region=yes|no direction=one-way|both protocol=tcp|udp|any ipv6=yes|no vpcs=N service=… gb=N azs=N region=R]',
  services: '/privatelink services [text] [region=R] [account=A]',
  describe: '/privatelink describe [vpce-…|vpc-…|service-text] [region=R|all] [state=S] [account=A]',
  dns: '/privatelink dns <vpce-…|service-text> [region=R|all] [account=A]',
  create:
    '/privatelink create <service> vpc=vpc-… subnets=subnet-…,… [sg=sg-…,…] [private-dns=on|off|inbound-only] [ip=ipv4|dualstack|ipv6] [ports=443,…] [region=R] [service-region=R2] [account=A] [reason="…"]',
  requests: '/privatelink requests [pending|all]',
  status: '/privatelink status <request-id>',
  cancel: '/privatelink cancel <request-id>',
  doctor: '/privatelink doctor <vpce-…|service-text> from=<subnet-…|i-…|vpc-…|IP or CIDR|onprem> [port=N] [region=R] [account=A]',
  lang: '/privatelink lang [en|ja]',
};

const examples: Messages['examples'] = {
  help: { example: '/privatelink help', what: 'このヘルプ' },
  compare: {
    example: '/privatelink compare',
    what: 'VPC ピアリング、PrivateLink、ゲートウェイエンドポイント、Transit Gateway、VPC Lattice の選択。現在の AWS の仕様に基づく質問形式のガイド',
  },
  services: { example: '/privatelink services kinesis', what: 'リージョンで提供されているエンドポイントサービス' },
  describe: { example: '/privatelink describe vpce-0a1b2c3d4e5f67890', what: 'エンドポイントの詳細、DNS のルーティング、そのまま貼り付けて使えるコマンド' },
  dns: { example: '/privatelink dns kinesis-streams region=ap-northeast-1', what: 'DNS 名だけをすばやく表示' },
  create: {
    example: '/privatelink create kinesis-streams vpc=vpc-0a1b2c3d subnets=subnet-0a1b2c3d,subnet-4e5f6a7b sg=sg-0a1b2c3d reason="orders stream"',
    what: '申請を事前チェックしてから承認者に依頼します（`create` だけを入力するとフォームが開きます）',
  },
  requests: { example: '/privatelink requests', what: '承認待ちの申請' },
  status: { example: '/privatelink status plr-0123456789', what: '1 件の申請とその履歴' },
  cancel: { example: '/privatelink cancel plr-0123456789', what: '自分の承認待ちの申請の取り下げ' },
  doctor: {
    example: '/privatelink doctor kinesis-streams from=subnet-0a1b2c3d',
    what: 'この送信元からエンドポイントにプライベートに到達できるか、できない場合はその理由（読み取り専用）',
  },
  lang: { example: '/privatelink lang ja', what: 'ボットが応答する言語（en または ja、ユーザーごとに保存）' },
};

const optionNames: Messages['optionNames'] = {
  'gateway-endpoint': 'ゲートウェイエンドポイント',
  'interface-endpoint': 'インターフェイスエンドポイント（PrivateLink）',
  'endpoint-service': 'エンドポイントサービス（自社の NLB を PrivateLink で公開）',
  'vpc-peering': 'VPC ピアリング',
  'transit-gateway': 'Transit Gateway',
  'vpc-lattice': 'VPC Lattice（サービスネットワークまたはリソースエンドポイント）',
  'centralized-endpoints': '一元化されたインターフェイスエンドポイント（すべてのスポークに 1 つの共有サービス VPC）',
};

const questionPrompts: Messages['questionPrompts'] = {
  target: '接続先は何ですか。',
  service: 'どの AWS サービスですか。',
  onprem: 'オンプレミス（Direct Connect または VPN）から到達する必要がありますか。',
  'cross-region': '接続先のサービスは、接続元の VPC とは別のリージョンにありますか。',
  overlap: '2 つの VPC の CIDR ブロックは重複していますか。',
  direction: '接続を開始するのはどちら側ですか。',
  protocol: '必要なプロトコルは何ですか。',
  ipv6: 'IPv6 は必要ですか。',
  vpcs: '関係する VPC はいくつですか（1 つのサービスの場合はコンシューマーとプロバイダーの合計、AWS のサービスの場合はそれを使用する VPC、VPC 全体の場合は相互に到達する必要があるすべての VPC）。',
};

const yesNo = { yes: 'はい', no: 'いいえ' };

const choiceLabels: Messages['choiceLabels'] = {
  target: {
    'aws-service': 'AWS の API（S3、Kinesis など）',
    'own-service': '自社で運用しているサービス',
    saas: 'パートナーまたは Marketplace の SaaS',
    'whole-vpc': '別の VPC の多数のホストやポート',
    resource: '1 つのリソース（データベースなど、ホストとポート）',
  },
  service: { s3: 'S3', dynamodb: 'DynamoDB', other: 'その他の AWS サービス' },
  onprem: { ...yesNo },
  'cross-region': { ...yesNo },
  overlap: { ...yesNo, unknown: 'わからない' },
  direction: { 'one-way': 'コンシューマーのみ', both: 'どちらからも' },
  protocol: { tcp: 'TCP のみ', udp: 'UDP', any: 'すべて（UDP、ICMP など）' },
  ipv6: { ...yesNo },
  vpcs: { '2': '2', '3': '3～10', '11': '11 以上' },
};

const notes: Messages['notes'] = {
  'ruled.gateway-aws-only': 'ゲートウェイエンドポイントで到達できるのは S3 と DynamoDB だけです。自社やパートナーのサービスには到達できません。',
  'ruled.gateway-s3-dynamodb-only': 'ゲートウェイエンドポイントがあるのは S3（S3 Express One Zone の `s3express` を含みます）と DynamoDB だけです。',
  'ruled.gateway-no-outside': 'ゲートウェイエンドポイントは、オンプレミス、ピアリング接続先の VPC、Transit Gateway からは使用できません。',
  'ruled.gateway-same-region': 'ゲートウェイエンドポイントで到達できるのは同じリージョンだけです。',
  'ruled.interface-own-service': '自社で運用しているサービスに到達するには、まずエンドポイントサービスとして公開します（「エンドポイントサービス」の選択肢）。',
  'ruled.interface-resource':
    'ロードバランサーのない 1 つのリソースには、リソースエンドポイント（VPC Lattice）を使用するか、前段に NLB を置いてエンドポイントサービス経由で到達します。',
  'ruled.privatelink-one-service': 'PrivateLink が公開するのはロードバランサーの背後にある 1 つのサービスです。VPC 全体ではありません。',
  'ruled.privatelink-no-icmp':
    'PrivateLink が伝送するのは TCP と UDP だけです。ICMP やその他のプロトコルには、ルーティングによる到達（VPC ピアリングまたは Transit Gateway）が必要です。',
  'ruled.endpoint-service-not-yours': 'このサービスは自社で運用していません。インターフェイスエンドポイント経由で利用してください。',
  'ruled.peering-aws-api': 'VPC ピアリングは VPC 同士を接続するものです。AWS の API にはエンドポイント経由で到達します。',
  'ruled.peering-saas': 'SaaS プロバイダーが提供するのはエンドポイントサービスです。プロバイダーのネットワークへのピアリング接続ではありません。',
  'ruled.peering-overlap': 'CIDR ブロックが重複している VPC 同士はピアリングできません。',
  'ruled.peering-no-transit': 'VPC ピアリングはエッジ間ルーティングに対応していません。オンプレミスからのトラフィックはピアリング接続を通過できません。',
  'ruled.peering-quota': 'この数の VPC をフルメッシュで接続すると、ピアリング接続の引き上げできない上限（VPC あたり 125）を超えます。',
  'ruled.peering-quota-consumers':
    'プロバイダーの VPC にはコンシューマーの VPC ごとに 1 つのピアリング接続が必要になり、引き上げできない上限（VPC あたり 125）を超えます。',
  'ruled.tgw-not-a-service-path':
    'Transit Gateway はネットワーク間をルーティングするものです。インターフェイスエンドポイントへのトラフィックは伝送できますが、それだけではサービスに到達できません。',
  'ruled.tgw-overlap-two-way':
    'Transit Gateway の背後で重複するネットワークにはプライベート NAT ゲートウェイが必要です。伝送できるのは NAT 側から開始した接続だけで、双方向にはなりません。',
  'ruled.lattice-aws-api': 'AWS の API にはエンドポイント経由で到達します。VPC Lattice サービスネットワーク経由ではありません。',
  'ruled.lattice-saas': 'プロバイダーはエンドポイントサービスを提供しています。インターフェイスエンドポイント経由で到達してください。',
  'ruled.lattice-not-whole-vpc': 'VPC Lattice が接続するのはサービスとリソースです。ネットワーク全体ではありません。',
  'ruled.lattice-protocols': 'VPC Lattice が伝送するのは HTTP、HTTPS、gRPC、TLS のサービスと、単一のリソースへの TCP です。UDP と ICMP は伝送しません。',
  'ruled.central-aws-only': 'エンドポイントの一元化は、多数の VPC から使用する AWS のサービス向けのパターンです。',
  'ruled.central-few-vpcs': 'VPC が 1 つか 2 つなら、それぞれにエンドポイントを作成するほうが簡単です。共有によるメリットは VPC が多数ある場合に生じます。',
  'ruled.central-gateway-service':
    '各 VPC 内からはゲートウェイエンドポイントを無料で使用できるため、インターフェイスエンドポイントを共有しても節約にはなりません。',
  'why.gateway-free': 'VPC 内かつ同じリージョンから S3 と DynamoDB を使う場合は、ゲートウェイエンドポイントがルートテーブル経由で処理し、料金はかかりません。',
  'why.interface-aws-service':
    'インターフェイスエンドポイントを使うと、インターネットゲートウェイや NAT なしで、サブネットから AWS の API にプライベートにアクセスできます。',
  'why.interface-saas': 'エンドポイントサービスとして提供されているパートナーや Marketplace の SaaS は、インターフェイスエンドポイント経由で利用します。',
  'why.interface-onprem':
    'オンプレミスから到達できます。インターフェイスエンドポイントは Direct Connect と VPN 経由で使用できますが、ゲートウェイエンドポイントと VPC ピアリングは使用できません。',
  'why.interface-inbound-only':
    'プライベート DNS を Resolver インバウンドエンドポイント専用にすると、オンプレミスからの名前解決ではインターフェイスエンドポイントの IP アドレスが返され、VPC 内のトラフィックは引き続き無料のゲートウェイエンドポイントを経由します。',
  'why.interface-cross-region-aws':
    'クロスリージョン：この AWS サービスは、別のリージョンのインターフェイスエンドポイント経由で到達できるサービスの一覧に含まれています。',
  'why.interface-in-service-region':
    'この AWS サービスはクロスリージョンの一覧に含まれていません。サービスのリージョンの VPC にインターフェイスエンドポイントを作成し、自分のリージョンからそこに到達してください。インターフェイスエンドポイントは VPC ピアリングと Transit Gateway 経由で使用できます。',
  'why.interface-service-region-unknown':
    'サービスがクロスリージョンの一覧（下記）に含まれていない限り、サービスのリージョンの VPC にインターフェイスエンドポイントを作成し、自分のリージョンから VPC ピアリングまたは Transit Gateway 経由で到達してください（一覧に含まれる場合は、その名前で回答してください。例：`service=lambda`）。',
  'why.privatelink-cross-region':
    'クロスリージョン：インターフェイスエンドポイントは、同じパーティションの別のリージョンにあるエンドポイントサービスに到達できます。',
  'why.privatelink-udp':
    'UDP も使用できます。UDP リスナーを持つ Network Load Balancer（ネットワークロードバランサー）の背後のエンドポイントサービスが UDP を伝送します。',
  'why.privatelink-many-consumers':
    'コンシューマーの VPC が多数ある場合：各 VPC がそれぞれインターフェイスエンドポイントを作成するので、自社の VPC でコンシューマーごとにピアリング接続を用意する必要はありません。',
  'why.endpoint-service-own':
    'Network Load Balancer の背後にある自社のサービスをエンドポイントサービスとして公開します。コンシューマーから見えるのは 1 つのサービスで、自社のネットワークは見えません。',
  'why.endpoint-service-resource':
    'リソースの前段に Network Load Balancer を置いてエンドポイントサービスとして公開します。現在すぐに使えますが、NLB の運用コストがかかります。',
  'why.privatelink-overlap': 'CIDR ブロックの重複は PrivateLink には影響しません。一方、VPC ピアリングは不可能になります。',
  'why.peering-whole-vpc': 'VPC ピアリングでは VPC 全体に到達できます。範囲はルート、ネットワーク ACL、セキュリティグループで絞り込みます。',
  'why.peering-two-way': '双方が接続を開始します。VPC ピアリングは双方向ですが、PrivateLink は一方向です。',
  'why.peering-any-protocol': 'ICMP やその他のプロトコルもピアリング接続を通過します。PrivateLink が伝送するのは TCP と UDP だけです。',
  'why.peering-cross-region': 'VPC ピアリングはリージョン間でも使用できます。',
  'why.peering-few-vpcs': 'VPC が少数の場合、VPC ピアリングには時間単位の料金がなく、運用するハブも不要です。',
  'why.tgw-many-vpcs': 'VPC が多数の場合：VPC ごとに 1 つのアタッチメントを持つハブのほうが、n(n-1)/2 で増えるピアリング接続のメッシュより有利です。',
  'why.tgw-onprem': 'オンプレミスのネットワークは Transit Gateway に（VPN または Direct Connect で）アタッチし、推移的に VPC へルーティングされます。',
  'why.tgw-private-nat':
    'CIDR ブロックの重複：重複する VPC のプライベート NAT ゲートウェイが、そのトラフィックを Transit Gateway の背後で重複しない範囲に変換します。',
  'why.lattice-resource':
    '1 つのリソース（データベース、ホストとポート）：リソースエンドポイントが IP または DNS 名とポートで到達します。運用するロードバランサーは不要です。',
  'why.lattice-service-network': 'HTTP、HTTPS、gRPC、TLS の多数のサービスと VPC：VPC Lattice サービスネットワークが認証ポリシー付きでそれらを接続します。',
  'why.lattice-overlap': 'CIDR ブロックの重複は VPC Lattice には影響しません。',
  'why.lattice-onprem':
    'オンプレミスのクライアントは、Direct Connect または VPN 経由で、VPC 内のサービスネットワークエンドポイントまたはリソースエンドポイントを通じて到達します。',
  'why.central-many-vpcs':
    '多数の VPC からサービスを使用します。共有サービス VPC に置いた 1 組のインターフェイスエンドポイントに、スポークから Transit Gateway または VPC ピアリング経由でアクセスすれば、VPC ごとのエンドポイント（それぞれ AZ ごとの時間料金がかかります）が不要になります。',
  'why.central-pays-off':
    'このトラフィック量では、すべての VPC が Transit Gateway にアタッチ済みであれば、そのデータ料金を含めても、共有エンドポイントのほうが VPC ごとのエンドポイントより安くなります（損益分岐点を参照してください）。',
  'why.only-option-left': '回答の条件で残る選択肢はこれだけです。',
  'also.gateway-for-vpc':
    'VPC 内からのトラフィック用のゲートウェイエンドポイント（無料）。VPC にゲートウェイエンドポイントがない場合、EC2 はプライベート DNS を inbound-only にしたインターフェイスエンドポイントの作成を拒否します。',
  'also.peering-to-service-region':
    '自分の VPC から、サービスのリージョンでエンドポイントを置く VPC へのリージョン間 VPC ピアリング（Transit Gateway をすでに運用している場合は Transit Gateway ピアリング）。',
  'also.tgw-to-service-region':
    'そこにあるエンドポイントに到達するための、自分のリージョンとサービスのリージョンの間の Transit Gateway ピアリング（Transit Gateway はリージョン単位です）。',
  'also.reverse-endpoint-service':
    '相手側から開始する接続用に、2 つ目のエンドポイントサービス。接続を受ける側が公開し、接続を開始する側がインターフェイスエンドポイント経由で利用します（PrivateLink は一方向です）。',
  'alt.readdress':
    '一方の VPC のアドレスを付け直して重複を解消します。そうすれば VPC ピアリングや Transit Gateway で、どのプロトコルでも双方向に通信できます。',
  'alt.private-nat-tgw':
    'Transit Gateway の背後のプライベート NAT ゲートウェイ：重複する VPC から開始する接続は通ります。逆方向は、重複しないサブネットにあるロードバランサーへの接続だけです。',
  'alt.endpoint-service-pair':
    'トラフィックが少数の TCP または UDP のサービスであれば、双方がそれぞれ公開するエンドポイントサービスの組で、両方向を伝送できます。',
  'alt.lattice':
    'トラフィックが HTTP、HTTPS、gRPC、TLS のサービス（または単一のリソースへの TCP）であれば、VPC Lattice サービスネットワークで、CIDR ブロックの重複に関係なく VPC 間を接続できます。',
  'alt.provider-network':
    'プロバイダーのネットワークへのルーティングによる接続（VPC ピアリング、Transit Gateway、VPN）を提供しているか、プロバイダーに確認してください。PrivateLink が伝送するのは TCP と UDP だけです。',
  'alt.tcp-udp-only': 'TCP と UDP で十分（ICMP 不要）であれば PrivateLink が適しています。protocol=udp で再度比較してください。',
  'caveat.privatelink-protocols':
    'TCP と UDP のみです（UDP には NLB の UDP リスナーが必要です）。ICMP は使用できません。接続を開始できるのはコンシューマーだけです。',
  'caveat.private-dns-attributes':
    'プライベート DNS には VPC の `enableDnsSupport` と `enableDnsHostnames` が必要です。また、1 つのサービスについてプライベート DNS を有効にできるエンドポイントは VPC ごとに 1 つだけです。',
  'caveat.sg-aws-api':
    'エンドポイントのセキュリティグループで、クライアントからのインバウンド TCP 443（AWS の API のポート）を許可する必要があります（指定しない場合は VPC のデフォルトのセキュリティグループが使用されます）。',
  'caveat.sg-listener-ports':
    'エンドポイントのセキュリティグループで、クライアントからのサービスのポート（リスナーのポートとそのプロトコル）を許可する必要があります。ポートはプロバイダーに確認し、`ports=` を指定して作成してください。',
  'caveat.endpoint-service-dns':
    'ほとんどのエンドポイントサービスにはプライベート DNS 名がありません。`private-dns=off` で作成し、エンドポイント固有の DNS 名を使用してください。',
  'caveat.one-subnet-per-az': 'アベイラビリティーゾーン（AZ）ごとに 1 つのサブネットです。',
  'caveat.cost-per-az': '料金はエンドポイントごと、AZ ごとの時間単位と GB 単位で請求されます。有効にする AZ の数を確認してください。',
  'caveat.interface-quota': 'クォータ：インターフェイスエンドポイントは、デフォルトで VPC あたり 50 個です（引き上げ可能）。',
  'caveat.onprem-dns':
    'サービスのデフォルトの DNS 名を使うオンプレミスのクライアントには、Route 53 Resolver インバウンドエンドポイントへの条件付きフォワーダーが必要です。エンドポイント固有の DNS 名はパブリックに解決され、Direct Connect または VPN 経由で使用できます。',
  'caveat.peered-dns':
    'ピアリング接続先または Transit Gateway にアタッチした VPC からは、エンドポイントの DNS を共有しない限り（Resolver ルールまたはプライベートホストゾーン）、サービスのデフォルトの DNS 名はパブリック IP に解決されます。エンドポイント固有の DNS 名は使用できます。',
  'caveat.inbound-only-gateway':
    'まずゲートウェイエンドポイントを作成してください。`private-dns=inbound-only` の場合、VPC にそのサービスのゲートウェイエンドポイントがないと、EC2 はインターフェイスエンドポイントの作成を拒否します。ゲートウェイエンドポイントを使わない場合は `private-dns=on` を使用してください（その場合、VPC 内のトラフィックもインターフェイスエンドポイントを経由します）。',
  'caveat.global-name': 'グローバルサービスです。エンドポイントサービス名にリージョンが含まれません（`com.amazonaws.iam`、`com.amazonaws.route53`）。',
  'caveat.acceptance': 'プロバイダーが承諾を必須にしている場合があります。その場合、エンドポイントは承諾されるまで承諾待ち（pendingAcceptance）になります。',
  'caveat.provider-enables-region':
    'クロスリージョン：プロバイダーがエンドポイントサービスで自分のリージョンを有効にする必要があります。`service-region=` を指定して作成してください。',
  'caveat.gateway-in-vpc-only': 'VPC 内からのみ使用できます。オンプレミス、ピアリング接続先の VPC、Transit Gateway からは使用できません。',
  'caveat.gateway-routes':
    'ゲートウェイエンドポイントを、それを使うサブネットのルートテーブルすべてに関連付けてください。ネットワーク ACL ではそのプレフィックスリストを参照できません。',
  'caveat.peering-quota':
    'VPC あたりのピアリング接続はデフォルトで 50 個です。クォータの引き上げを申請できますが、引き上げできない上限（VPC あたり 125）があります。VPC の組ごとに 1 つ必要です。',
  'caveat.peering-no-transit': '推移的ではありません。VPC の組ごとにピアリング接続と、双方のルートが必要です。',
  'caveat.peering-cost': 'AZ 間とリージョン間のデータ転送は課金されます。',
  'caveat.check-overlap': 'まず CIDR ブロックを確認してください。重複している場合、この選択肢は使用できません。',
  'caveat.private-nat-one-way':
    'プライベート NAT ゲートウェイ経由では、接続を開始できるのは重複する VPC だけです。逆方向は、重複しないサブネットのアドレス（そこに置いたロードバランサー）にしか到達できません。',
  'caveat.or-readdress': 'または、一方の VPC のアドレスを付け直して重複を解消します。そうすれば Transit Gateway が NAT なしで双方向にルーティングします。',
  'caveat.tgw-regional':
    'Transit Gateway はリージョン単位です。リージョンをまたぐ場合は、リージョンごとに 1 つ運用し、Transit Gateway ピアリングアタッチメントで接続します。',
  'caveat.ipv6-interface': 'IPv6：`ip=dualstack` または `ip=ipv6` で作成します。サービスが IPv6 に対応している必要があります。',
  'caveat.ipv6-gateway': 'IPv6：ゲートウェイエンドポイントはデュアルスタックのトラフィックを伝送します。',
  'caveat.cross-region-service-list':
    'クロスリージョンのインターフェイスエンドポイントがあるのは、S3、IAM、ECR、KMS、ECS、Lambda、Data Firehose、Managed Service for Apache Flink、Route 53 だけです。Kinesis Data Streams と DynamoDB は対象外です。',
  'caveat.lattice-protocols':
    'サービスのリスナーは HTTP、HTTPS（gRPC を含みます）、TLS パススルーで、WebSockets には対応していません。TCP のみの通信は、リソース設定を経由したリソースへのアクセスに限られます。UDP と ICMP は使用できません。',
  'caveat.lattice-cross-region':
    'リージョン間：サービスネットワークから別のリージョンのサービスやリソースにアクセスできることを示す AWS の情報源は確認できていません。利用する前に検証するか、他の選択肢を使用してください。',
  'caveat.central-dns':
    'DNS の設定が必要です。ハブのエンドポイントはプライベート DNS を無効にして作成し、サービス名ごとにプライベートホストゾーン（エンドポイントのリージョン DNS 名へのエイリアス）を作成して、すべてのスポーク VPC に関連付けるか、Route 53 プロファイルで共有します。',
  'caveat.central-resolver':
    'スポークのホストは、その VPC の Route 53 Resolver（VPC のベースアドレス + 2）で名前解決する必要があります。カスタム DNS サーバーはクエリをそこに転送する必要があります。',
  'caveat.central-tgw-data':
    'すべての GB に Transit Gateway のデータ処理料金もかかります。また、各スポークにはハブへのアタッチメント（または VPC ピアリング）が必要です。',
  'caveat.central-past-break-even':
    'このトラフィック量では、削減できるエンドポイントの料金より Transit Gateway のデータ料金のほうが大きくなります。VPC ごとのエンドポイントのほうが安くなります（損益分岐点を参照してください）。',
  'caveat.central-hop':
    '経由するホップが 1 つ増えます。スポークとハブの間の Transit Gateway または VPC ピアリングのルートで、エンドポイントのサブネットに到達できる必要があります。',
  'caveat.central-sg':
    'ハブのエンドポイントのセキュリティグループで、ハブ VPC の外にあるスポークの CIDR（またはそれらのプレフィックスリスト）を許可する必要があります。',
  'caveat.lattice-quota': 'クォータ：VPC あたり、リソースエンドポイントは 200 個、サービスネットワークエンドポイントは 50 個です。',
  'caveat.lattice-endpoint':
    'Direct Connect、VPN、VPC ピアリング、Transit Gateway 経由のクライアントが到達できるのは、VPC エンドポイント（サービスネットワークまたはリソース）経由だけです。VPC の関連付けでは到達できません。',
  'next.services': 'エンドポイントサービスとそのプライベート DNS 名を確認します：',
  'next.create': 'エンドポイントを申請します（事前チェックの後、承認に回されます）：',
  'next.create-inbound-only': '次に、オンプレミス専用のプライベート DNS でインターフェイスエンドポイントを申請します：',
  'next.create-cross-region': 'サービスのリージョンにあるサービスへのエンドポイントを申請します：',
  'next.create-in-service-region': 'サービスのリージョンの VPC にエンドポイントを申請します：',
  'next.create-saas': 'プロバイダーのエンドポイントサービスへのインターフェイスエンドポイントを申請します：',
  'next.publish-service': 'NLB をエンドポイントサービスとして公開します：',
  'next.publish-reverse': '逆方向については、受信側が独自のエンドポイントサービスを公開します：',
  'next.gateway': 'ゲートウェイエンドポイントを作成し、ルートテーブルに関連付けます：',
  'next.gateway-first':
    'まず、ゲートウェイエンドポイントを作成し、ルートテーブルに関連付けます（inbound-only のプライベート DNS には EC2 がこれを要求します）：',
  'next.peering': 'ピアリング接続をリクエストして承諾し、双方にルートを追加します：',
  'next.peering-to-service-region': '次に、自分の VPC とその VPC をピアリングし、承諾して、双方にルートを追加します：',
  'next.tgw': 'ハブを作成し、各 VPC をアタッチします：',
  'next.tgw-peering': '2 つのリージョンの Transit Gateway を接続します：',
  'next.private-nat': '重複する VPC の重複しないサブネットにプライベート NAT ゲートウェイを配置します：',
  'next.lattice-resource-gateway': 'リソースの VPC にリソースゲートウェイを作成します：',
  'next.lattice-resource-configuration': 'リソース（IP または DNS 名とポート）を定義します：',
  'next.lattice-resource-endpoint': '各コンシューマーの VPC にリソースエンドポイントを作成します：',
  'next.lattice-service-network': 'サービスネットワークを作成し、サービスを関連付けます：',
  'next.lattice-associate': '各コンシューマーの VPC をサービスネットワークエンドポイント経由で接続します：',
  'next.central-create': 'プライベート DNS を無効にして、ハブ VPC にエンドポイントを申請します：',
  'next.central-zone':
    'サービスのプライベート DNS 名（`/privatelink services` で確認できます）のプライベートホストゾーンをハブに作成し、エンドポイントへのエイリアスレコードを追加します：',
  'next.central-profile': 'Route 53 プロファイルでゾーンをスポークと共有します（または各スポーク VPC に関連付けます）：',
  'next.readdress': 'または、一方の VPC のアドレスを付け直して重複を解消し、再度比較します：',
  'next.narrow-protocol': 'TCP と UDP で十分であれば、再度比較します：',
};

function fieldError(field: string, e: FieldError): string {
  switch (e.code) {
    case 'required':
      return `${code(field)} は必須です。`;
    case 'badId':
      return `${code(e.value)} は有効な ${esc(e.prefix)} の ID ではありません（${esc(e.prefix)} の後に 16 進数 8 文字または 17 文字）。`;
    case 'duplicateId':
      return `${code(e.value)} が 2 回指定されています。`;
    case 'badChoice':
      return `${code(e.value)} は指定できません。${e.allowed.map(code).join('、')} のいずれかを指定してください。`;
    case 'badRegion':
      return `${code(e.value)} は既知の AWS リージョンではありません（例：${code('ap-northeast-1')}）。`;
    case 'badServiceName':
      return `${code(e.value)} はサービス名ではありません。${code('kinesis-streams')} のような短い名前、または ${code('com.amazonaws.ap-northeast-1.kinesis-streams')} のような完全な名前を使用してください。`;
    case 'tooLong':
      return `${code(field)} に指定できるのは最大 ${esc(e.max)} ${field === 'reason' ? '文字' : '個'}です。`;
    case 'badPort':
      return `${code(e.value)} はポートではありません。${code(field)} には 1～65535 の TCP ポート番号をカンマ区切りで指定します（例：${code('ports=443,8443')}）。`;
    case 'duplicatePort':
      return `ポート ${code(String(e.value))} が ${code(field)} に 2 回指定されています。`;
    case 'badAccount':
      return `${code(e.value)} はアカウントのエイリアスではありません。${code(field)} には設定済みのエイリアス（英小文字、数字、-）または ${code('home')} を指定してください。`;
    case 'unknownAccount':
      return `アカウント ${code(e.value)} は設定されていません。${e.suggestion ? `${code(e.suggestion)} のことですか。` : ''}管理者に ${code('ACCOUNTS')} への追加を依頼するか、${code(field)} を省略してボット自身のアカウントを使用してください。`;
  }
}

/** `missingArgument` carries an English noun from the parser; these are its Japanese words. */
const missingWhat: Record<string, string> = {
  target: '対象（エンドポイント ID またはサービス）',
  'request id': '申請 ID ',
  'endpoint id or service': 'エンドポイント ID またはサービス',
  'from=': ` ${code('from=')} `,
};

function parseError(e: ParseError): string {
  const mean = (s?: string) => (s ? `${code(s)} のことですか。` : '');
  switch (e.code) {
    case 'unknownCommand':
      return `${code(e.word)} というコマンドはありません。${mean(e.suggestion)}`;
    case 'unknownOption':
      return `${code(e.command)} に ${code(e.key)} というオプションはありません。${mean(e.suggestion)}`;
    case 'duplicateOption':
      return `${code(e.key)} が 2 回指定されています。`;
    case 'badValue':
      return `${code(`${esc(e.key)}=${esc(e.value)}`)} は無効です。${e.allowed.map(code).join('、')} のいずれかを使用してください。`;
    case 'badRegion':
      return fieldError('region', { code: 'badRegion', value: e.value });
    case 'badId':
      return `${code(e.value)} は有効な ${esc(e.expected)} の ID ではありません。`;
    case 'missingArgument':
      return `${code(e.command)} には${missingWhat[e.what] ?? ` ${esc(e.what)} `}の指定が必要です。`;
    case 'unexpectedArgument':
      return `ここに ${code(e.word)} は指定できません。`;
    case 'badField':
      return fieldError(e.field, e.error);
    case 'unclosedQuote':
      return '引用符が閉じられていません。';
    case 'textTooLong':
      return `コマンドが長すぎます（${e.length.toLocaleString('en-US')} 文字）。読み取れるのは ${e.max.toLocaleString('en-US')} 文字までです。短くしてから送信し直してください。`;
  }
}

const iamHint = (a: string) =>
  `ボットの AWS ロールには ${code(a)} を呼び出す権限がありません。IAM ポリシーにこのアクションを追加してください（docs/operations.md の「IAM permissions」）。`;

// ボットがメンバーアカウントで引き受けるロールの権限不足
const memberIamHint = (a: string, account: string) =>
  `ボットがアカウント ${code(account)} で引き受けるロールには ${code(a)} を呼び出す権限がありません。そのロールにこのアクションを追加してください（deploy/ テンプレートの読み取りアクション）。`;

const ec2Problems: Record<string, (action: string, region: string, account?: string) => string> = {
  'InvalidVpcEndpointId.NotFound': (_a, r) =>
    `そのエンドポイントは ${code(r)} に存在しません。ID を確認するか、${code('region=')} で別のリージョンを指定してください。`,
  'InvalidVpcEndpointId.Malformed': () => '有効なエンドポイント ID ではありません（vpce- の後に 16 進数 8 文字または 17 文字）。',
  'InvalidVpcID.NotFound': (_a, r) =>
    `その VPC は ${code(r)} に存在しません（またはこのアカウントから参照できません）。ID と ${code('region=')} を確認してください。`,
  'InvalidSubnetID.NotFound': (_a, r) => `${code(r)} に存在しないサブネットがあります。ID と ${code('region=')} を確認してください。`,
  'InvalidSecurityGroupID.NotFound': (_a, r) => `${code(r)} に存在しないセキュリティグループがあります。ID と ${code('region=')} を確認してください。`,
  InvalidServiceName: (_a, r) => `${code(r)} にその名前のエンドポイントサービスはありません。${code('/privatelink services <text>')} で一覧を表示できます。`,
  UnauthorizedOperation: (a, _r, account) => (account ? memberIamHint(a, account) : iamHint(a)),
  AccessDenied: (a, _r, account) => (account ? memberIamHint(a, account) : iamHint(a)),
  AuthFailure: () => 'AWS がボットの認証情報を拒否しました。ボットが使用しているロールまたはキーを確認してください。',
  NoCredentials: () => 'ボットに AWS の認証情報がありません。ロールを付与する（Lambda）か、AWS_PROFILE / AWS_ACCESS_KEY_ID を設定してください（ローカル）。',
  RequestLimitExceeded: (_a, r) =>
    `${code(r)} で AWS が EC2 の呼び出しをスロットリングしています。再試行しましたが成功しませんでした。1 分ほど待ってからもう一度お試しください。`,
  Timeout: (_a, r) =>
    `${code(r)} の EC2 API が時間内に応答しませんでした。もう一度お試しください。繰り返し発生する場合は、ボットから AWS へのネットワーク経路を確認してください。`,
  Unreachable: (_a, r) =>
    `${code(r)} の EC2 API に接続できませんでした。もう一度お試しください。繰り返し発生する場合は、ボットから AWS へのネットワーク経路を確認してください。`,
  VpcEndpointLimitExceeded: (_a, r) =>
    `${code(r)} で VPC のインターフェイスエンドポイントのクォータ（デフォルトは 50 個）に達しています。使用していないエンドポイントを削除するか、クォータの引き上げをリクエストしてください（Service Quotas → Amazon VPC）。`,
  DuplicateSubnetsInSameZone: () =>
    '2 つのサブネットが同じアベイラビリティーゾーンにあります。エンドポイントに指定できるサブネットは AZ ごとに 1 つまでです。どちらかを外してください。',
  InvalidParameter: () =>
    'EC2 がパラメータを拒否しました（よくある原因：プライベート DNS 名のないサービスでプライベート DNS を指定した、または VPC で DNS サポートが無効になっている）。詳細は以下のとおりです。',
  IdempotentParameterMismatch: () => 'EC2 には、この申請のトークンで異なるパラメータの作成がすでにあります。新たには何も作成していません。',
};
ec2Problems.Throttling = ec2Problems.RequestLimitExceeded!;
ec2Problems.RegionNotAllowed = (_a, r) =>
  `リージョン ${code(r)} は ${code('ALLOWED_REGIONS')} に含まれなくなりました。何も作成していません。許可されているリージョンで新しく申請してください。`;

// Member accounts (ACCOUNTS): roles the bot assumes.
ec2Problems.AssumeRoleDenied = (_a, _r, account) =>
  `ボットはアカウント ${code(account ?? '?')} のロールを引き受けることができません（${code('sts:AssumeRole')} が拒否されました）。そのアカウントのロールの信頼ポリシーを修正してください。ボットのロールを信頼し、${code('ACCOUNTS_EXTERNAL_ID')} を設定している場合はその外部 ID を条件にする必要があります。または ${code('ACCOUNTS')} のロール ARN を修正してください。`;
ec2Problems.AccountNotConfigured = (_a, _r, account) =>
  `アカウント ${code(account ?? '?')} は ${code('ACCOUNTS')} に含まれていません（含まれなくなりました）。そのアカウントでは何も実行していません。設定済みのアカウントを指定してください。`;
// Creating in a member account.
ec2Problems.AccountChanged = (_a, _r, account) =>
  `エイリアス ${code(account ?? '?')} は、${code('ACCOUNTS')} で申請時とは別の AWS アカウントを指しています。何も作成していません。新しく申請してください。`;

function ec2Problem(errorCode: string, action: string, region: string, detail: string, account?: string): string {
  const known = ec2Problems[errorCode];
  return known
    ? known(action, region, account)
    : `${code(region)} で ${code(action)} を呼び出したところ、EC2 が ${code(errorCode)} を返しました：${esc(detail)}`;
}

const preflightFindings: Messages['preflight']['findings'] = {
  idsOk: (v) => ({ text: `ID の形式は正しく、リージョンは ${code(v.region!)} です。` }),
  noRegion: () => ({ text: 'リージョンが指定されていません。', fix: `${code('region=…')} を追加するか、ボットに AWS_REGION を設定してください。` }),
  regionNotAllowed: (v) => ({ text: `リージョン ${code(v.region!)} はここでは許可されていません。`, fix: `${list(v.allowed)} のいずれかを使用してください。` }),
  serviceOk: (v) => ({ text: `${code(v.service!)} は ${list(v.azs)} でインターフェイスエンドポイントを提供しています。` }),
  serviceNotFound: (v) => ({
    text: `${code(v.region!)} にエンドポイントサービス ${code(v.service!)} はありません。`,
    fix: `${code('/privatelink services <text>')} で正しい名前を確認してください。`,
  }),
  serviceNotInterface: (v) => ({
    text: `${code(v.service!)} が提供しているのは ${list(v.types)} エンドポイントだけで、Interface はありません。`,
    fix: 'ゲートウェイエンドポイント（ルートテーブル）を使用するか、別のサービスを選択してください。',
  }),
  serviceNeedsAcceptance: (v) => ({
    text: `${code(v.service!)} は承諾が必要です。エンドポイントは、サービスプロバイダー${v.owner ? `（${esc(v.owner)}）` : ''}が承諾するまで承諾待ち（pendingAcceptance）のままになります。`,
  }),
  subnetsOk: (v) => ({ text: `サブネットは VPC 内にあり、AZ ごとに 1 つです（${list(v.azs)}）。` }),
  subnetNotFound: (v) => ({
    text: `${code(v.region!)} に存在しないサブネットがあります：${list(v.detail)}。`,
    fix: 'サブネット ID とリージョンを確認してください。',
  }),
  subnetOtherVpc: (v) => ({ text: `${code(v.vpc!)} の外にあるサブネット：${list(v.subnets)}。`, fix: 'エンドポイントの VPC のサブネットを使用してください。' }),
  subnetSameAz: (v) => ({
    text: `${code(v.az!)} に 2 つのサブネットがあります：${list(v.subnets)}。`,
    fix: 'エンドポイントに指定できるサブネットは AZ ごとに 1 つまでです。1 つだけ残してください。',
  }),
  subnetAzUnsupported: (v) => ({
    text: `${list(v.subnets)} の AZ ではこのサービスは提供されていません。`,
    fix: `${list(v.azs)} のサブネットを使用してください。`,
  }),
  defaultSecurityGroup: (v) => ({
    text: `セキュリティグループが指定されていません。${code(v.vpc!)} のデフォルトのセキュリティグループがアタッチされます。`,
    fix: `クライアントからのインバウンド TCP ${list(v.ports)} を許可するセキュリティグループを ${code('sg=sg-…')} で指定してください。`,
  }),
  groupsOk: (v) => ({
    text: `${v.sources ? `VPC の CIDR（${list(v.sources)}）` : '指定した送信元'}からのインバウンド TCP ${list(v.ports)} が許可されています。`,
  }),
  groupNotFound: (v) => ({
    text: `${code(v.region!)} に存在しないセキュリティグループがあります：${list(v.detail)}。`,
    fix: 'セキュリティグループ ID とリージョンを確認してください。',
  }),
  groupOtherVpc: (v) => ({
    text: `${code(v.vpc!)} の外にあるセキュリティグループ：${codes(v.groups)}。`,
    fix: 'エンドポイントの VPC のセキュリティグループを使用してください。',
  }),
  groupNoPort: (v) => ({
    text: `${codes(v.groups)} にインバウンド TCP ${list(v.ports)} を許可するルールがありません。クライアントはこの${v.ports === '443' ? 'ポート' : 'ポート群'}でエンドポイントに到達できません。`,
    fix: `${v.cidrs ? `VPC の CIDR（${list(v.cidrs)}）` : 'クライアントの CIDR'}またはクライアントのセキュリティグループからの TCP ${list(v.ports)} のインバウンドルールを追加してください。`,
  }),
  groupPartialCoverage: (v) => ({
    text: `インバウンド TCP ${esc(v.port)} が許可されているのは ${list(v.allowed) || 'なし'} からだけで、VPC の ${list(v.uncovered)} が含まれていません。`,
    fix: `${list(v.uncovered)} からの TCP ${esc(v.port)} を許可するか、すべてのクライアントが許可された送信元に含まれることを確認してください。`,
  }),
  groupOutsideSources: (v) => ({
    text: `インバウンド TCP ${esc(v.port)} が許可されているのは VPC（${list(v.cidrs)}）の外にある ${list(v.allowed)} からだけです。他の VPC（Transit Gateway または VPC ピアリング経由のスポーク）やオンプレミスと共有するエンドポイントでは正しい設定ですが、この VPC 内のクライアントはエンドポイントに到達できません。`,
    fix: `この VPC 内のクライアントも使用する場合は、VPC の CIDR（${list(v.cidrs)}）またはそのセキュリティグループからの TCP ${esc(v.port)} のインバウンドルールを追加してください。`,
  }),
  groupOpenToWorld: (v) => ({
    text: `TCP ${list(v.ports)} が ${list(v.cidrs)} に開放されています。`,
    fix: 'VPC の CIDR またはクライアントのセキュリティグループに絞り込んでください。',
  }),
  privateDnsOff: () => ({
    text: 'プライベート DNS がオフです。サービスのデフォルトの DNS 名は引き続きパブリックアドレスに解決されるため、パブリックサブネットと NAT ゲートウェイのあるプライベートサブネットからはインターネット経由になり、NAT ゲートウェイのないプライベートサブネットからは失敗します。プライベートに通信するには、クライアントがエンドポイント固有の DNS 名を使用する必要があります。',
  }),
  vpcNotFound: (v) => ({ text: `VPC ${code(v.vpc!)} は ${code(v.region!)} に存在しません。`, fix: 'VPC ID とリージョンを確認してください。' }),
  vpcDnsAttributes: (v) => ({
    text: `${code(v.vpc!)} では、プライベート DNS に必要な ${list(v.missing)} が無効です。`,
    fix: `aws ec2 modify-vpc-attribute --vpc-id ${esc(v.vpc)} --enable-dns-support; aws ec2 modify-vpc-attribute --vpc-id ${esc(v.vpc)} --enable-dns-hostnames（または private-dns=off）`,
  }),
  serviceNoPrivateDns: (v) => ({
    text: `${code(v.service!)} にはプライベート DNS 名がありません。`,
    fix: `${code('private-dns=off')} を指定して再度申請してください。`,
  }),
  privateDnsTaken: (v) => ({
    text: `この VPC では ${code(v.endpoint!)} がすでに ${code(v.service!)} のプライベート DNS を有効にしています。有効にできるエンドポイントは 1 つだけです。`,
    fix: `そのエンドポイントを使用するか、${code('private-dns=off')} で申請するか、先にそのエンドポイントを削除してください。`,
  }),
  privateDnsOk: (v) => ({
    text: `VPC の DNS サポートと DNS ホスト名は有効です。${v.name ? `${code(v.name)} ` : 'サービス名'}はエンドポイントに解決されます。`,
  }),
  privateDnsAllResolvers: (v) => ({
    text: `VPC の DNS サポートと DNS ホスト名は有効です。${v.name ? `${code(v.name)} ` : 'サービス名'}は VPC 内とオンプレミスのクライアントからエンドポイントに解決されます（${code('PrivateDnsOnlyForInboundResolverEndpoint=false')} を送信するため、ゲートウェイエンドポイントは不要です）。`,
  }),
  privateDnsInboundOnly: (v) => ({
    text: `プライベート DNS は Route 53 Resolver インバウンドエンドポイントからのクエリ（オンプレミス）にだけ応答します。VPC 内のクライアントは引き続きゲートウェイエンドポイント ${code(v.gateway!)} を使用します。`,
  }),
  inboundOnlyNotBothTypes: (v) => ({
    text: `${code('private-dns=inbound-only')} は、ゲートウェイエンドポイントとインターフェイスエンドポイントの両方を提供するサービス（S3、DynamoDB）専用です。${code(v.service!)} が提供しているのは ${list(v.types)} です。`,
    fix: `${code('private-dns=on')} または ${code('private-dns=off')} を指定して再度申請してください。`,
  }),
  inboundOnlyNoGateway: (v) => ({
    text: `${code('private-dns=inbound-only')} には、${code(v.vpc!)} に ${code(v.service!)} のゲートウェイエンドポイントが必要です。ない場合、EC2 は作成を拒否します。`,
    fix: `先にゲートウェイエンドポイントを作成するか（${code(`aws ec2 create-vpc-endpoint --region ${esc(v.region)} --vpc-id ${esc(v.vpc)} --service-name ${esc(v.service)} --route-table-ids rtb-…`)}）、${code('private-dns=on')} で申請して VPC 内のクライアントもインターフェイスエンドポイントを使用するようにしてください。`,
  }),
  ipTypeOk: (v) => ({ text: `IP アドレスタイプ ${code(v.type!)}：サブネットとサービスが対応しています。` }),
  ipv4NeedsIpv4Subnets: (v) => ({
    text: `${list(v.subnets)} は IPv6 専用です。IPv4 のエンドポイントには IPv4 アドレスを持つサブネットが必要です。`,
    fix: `IPv4 CIDR のあるサブネットを使用するか、${code('ip=ipv6')} で申請してください。`,
  }),
  dualstackNeedsDualSubnets: (v) => ({
    text: `${code('ip=dualstack')} には IPv4 と IPv6 の両方の CIDR を持つサブネットが必要です。${list(v.subnets)} には両方はありません。`,
    fix: `${list(v.subnets)}（と VPC）に IPv6 CIDR を追加するか、${code('ip=ipv4')} で申請してください。`,
  }),
  ipv6NeedsIpv6OnlySubnets: (v) => ({
    text: `${code('ip=ipv6')} には IPv6 専用のサブネットが必要です。${list(v.subnets)} は IPv6 専用ではありません。`,
    fix: `IPv6 専用のサブネットを使用するか、デュアルスタックのサブネットで ${code('ip=dualstack')} を指定して申請してください。`,
  }),
  ipTypeUnsupported: (v) => ({
    text: `${code(v.service!)} が対応しているのは ${list(v.supported)} だけで、${code(v.type!)} には対応していません。`,
    fix: `サービスが対応している IP タイプで申請してください（${code('ip=ipv4')}${v.supported!.includes('ipv6') ? `、${code('ip=dualstack')}、${code('ip=ipv6')}` : ''}）。`,
  }),
  freeIpsOk: (v) => ({ text: `すべてのサブネットに空きアドレスがあります（${list(v.counts) || 'IPv6'}）。` }),
  subnetFull: (v) => ({
    text: `${list(v.subnets)} に空き IP アドレスがありません。エンドポイントにはサブネットごとに 1 つ必要です。`,
    fix: 'その AZ の別のサブネットを選択するか、サブネットのアドレスを解放してください。',
  }),
  quotaOk: (v) => ({
    text: `${code(v.vpc!)} のインターフェイスエンドポイントは ${esc(v.count)} 個です。デフォルトのクォータは VPC あたり ${esc(v.quota)} 個です（引き上げ可能）。`,
  }),
  quotaReached: (v) => ({
    text: `${code(v.vpc!)} にはすでに ${esc(v.count)} 個のインターフェイスエンドポイントがあります。デフォルトのクォータは VPC あたり ${esc(v.quota)} 個です。引き上げていない場合、EC2 は ${code('VpcEndpointLimitExceeded')} で拒否します。`,
    fix: 'クォータは引き上げ可能です。引き上げをリクエストする（Service Quotas → Amazon VPC → Interface VPC endpoints per VPC）か、使用していないエンドポイントを削除してください。',
  }),
  quotaUnchecked: (v) => ({ text: `VPC のエンドポイント数を取得できなかったため（${code(v.code!)}）、VPC あたり 50 個のクォータは確認していません。` }),
  singleAz: (v) => ({
    text: `サブネットが 1 つだけです（${esc(v.az)}）。その AZ で障害が発生すると、エンドポイントに到達できなくなります。`,
    fix: '別のアベイラビリティーゾーンにサブネットを追加してください（AZ ごとに 1 つ）。',
  }),
  multiAz: (v) => ({ text: `サブネットは ${esc(v.count)} 個のアベイラビリティーゾーンにあります。` }),
  naclOk: (v) => ({ text: `サブネットのネットワーク ACL は、VPC からの TCP ${list(v.ports)} と戻りのトラフィックを許可しています。` }),
  naclBlocksInbound: (v) => ({
    text: `ネットワーク ACL ${code(v.acl!)}（${list(v.subnets)}）は ${esc(v.cidr)} からの TCP ${list(v.ports)} を許可していません。`,
    fix: `${code(v.acl!)} に、${esc(v.cidr)} からの TCP ${list(v.ports)} を許可するインバウンドルールを、拒否するルールより小さい番号で追加してください。`,
  }),
  naclBlocksReturn: (v) => ({
    text: `ネットワーク ACL ${code(v.acl!)}（${list(v.subnets)}）は応答の送信を許可していません。${esc(v.cidr)} へのアウトバウンド TCP ${esc(v.from)}-${esc(v.to)} が許可されていません。`,
    fix: `${code(v.acl!)} に、${esc(v.cidr)} への TCP ${esc(v.from)}-${esc(v.to)}（クライアントのエフェメラルポート）を許可するアウトバウンドルールを追加してください。`,
  }),
  naclUnchecked: (v) => ({ text: `サブネットのネットワーク ACL を読み取れませんでした（${code(v.code!)}）。ポートが許可されているか手動で確認してください。` }),
  crossRegionOk: (v) => ({ text: `${code(v.serviceRegion!)} の ${code(v.service!)} は ${code(v.region!)} に提供されています（クロスリージョン）。` }),
  crossRegionNotListed: (v) => ({
    text: `${code(v.service!)} は、AWS のクロスリージョンで到達できるサービスの一覧（${list(v.listed)}）に含まれていません。`,
    fix: `${code(v.serviceRegion!)} にエンドポイントを作成し（${code(`region=${esc(v.serviceRegion)}`)}）、リージョン間ピアリングまたは Transit Gateway 経由で到達してください。`,
  }),
  crossRegionNotOffered: (v) => ({
    text: `${code(v.service!)} は ${code(v.serviceRegion!)} から ${code(v.region!)} に提供されていません。`,
    fix: `プロバイダーがサービスのサポート対象リージョンに ${code(v.region!)} を追加する必要があります。${code('service-region=')} と、${code(`/privatelink services <text> region=${esc(v.serviceRegion)}`)} で名前を確認してください。`,
  }),
  permitted: () => ({ text: 'DryRun：ボットのロールはこのエンドポイントを作成できます。' }),
  notPermitted: (v) =>
    v.account
      ? {
          text: `DryRun：アカウント ${code(v.account)} のボットのロールには ${code(v.action!)} を呼び出す権限がありません。`,
          fix: `そのアカウントに ${code('deploy/member-role.yml')} を展開し、AllowedRegions にこのリージョンを含めてください（作成のステートメントにはワーカーの作成用セッションが必要です）。`,
        }
      : {
          text: `DryRun：ボットのロールには ${code(v.action!)} を呼び出す権限がありません。`,
          fix: 'ロールの IAM ポリシーに追加してください（docs/operations.md の「IAM permissions」）。',
        },
  sharedVpcParticipant: (v) => ({
    text: `DryRun：${code(v.vpc!)} はこのアカウントと共有された VPC（VPC 共有）で、参加者は所有者のサブネット（${list(v.subnets)}）にインターフェイスエンドポイントを作成できません。EC2 は「This operation does not support shared VPCs」と応答します。IAM の変更では解決しません。`,
    fix: 'VPC 所有者のアカウントでエンドポイントを作成するか（例：そのアカウントのボットのロールで `account=` を指定）、このアカウントが所有する VPC を使用してください。',
  }),
  ec2Error: (v) => ({ text: ec2Problem(v.code!, v.action!, v.region!, v.message ?? '', v.account) }),
};

const reach: Messages['reach'] = {
  dnsMode: { on: 'オン', off: 'オフ', 'inbound-only': 'inbound-only（Resolver インバウンドエンドポイントにのみ応答）' },
  serviceRegion: 'サービスのリージョン',
  enis: 'ENI（AZ ごとの IP）',
  eniLine: (az: string, ip: string, eni: string, subnet: string) => `_${esc(az)}_  ${code(ip)}  ${esc(eni)} · ${esc(subnet)}`,
  enisUnknown: 'ENI を読み取れませんでした（ec2:DescribeNetworkInterfaces）。',
  routing: '名前ごとの経路',
  inVpc: 'VPC 内',
  remoteVpc: 'ピアリング接続先または Transit Gateway にアタッチした VPC から',
  onprem: 'オンプレミス（DX/VPN）から',
  variants: {
    igw: 'パブリックサブネット（IGW）',
    nat: 'NAT のあるプライベートサブネット',
    none: 'NAT のないプライベートサブネット',
    unknown: 'すべてのサブネット',
  },
  outcome: (resolvesTo: string, path: string): string => {
    if (resolvesTo === 'nothing') return '解決されない';
    if (resolvesTo === 'unknown') return '不明';
    const ips = resolvesTo === 'endpoint-ips' ? 'エンドポイントのプライベート IP' : 'パブリック IP';
    const paths: Record<string, string> = {
      endpoint: 'エンドポイント経由',
      'gateway-endpoint': 'ゲートウェイエンドポイント経由（プライベートのまま）',
      'internet-igw': 'インターネット経由（IGW）',
      'internet-nat': 'NAT ゲートウェイを通ってインターネット経由',
      'internet-onprem': 'オンプレミスのネットワーク自身のインターネット経路（エンドポイントは経由しない）',
      'no-route': '外部への経路がないため、呼び出しはタイムアウト',
      unknown: '経路は不明',
    };
    return `${esc(ips)} → ${esc(paths[path] ?? path)}`;
  },
  why: {
    'endpoint-specific': 'エンドポイントのプライベート IP を返すパブリック DNS レコードのため、どのネットワークからでも解決できます',
    'private-dns-on': 'プライベート DNS がオンです。VPC に関連付けられたプライベートホストゾーンがエンドポイントの IP を返します',
    'vpc-dns-attributes-off': 'プライベート DNS にはエンドポイントの VPC の `enableDnsSupport` と `enableDnsHostnames` が必要ですが、一方が無効です',
    'vpc-dns-attributes-unknown': 'VPC の DNS 属性を読み取れませんでした',
    'client-dns-off':
      'クライアントの VPC で `enableDnsSupport` が無効です。Amazon 提供のリゾルバーは応答しません（DHCP オプションで別の DNS サーバーを指定している場合を除く）',
    'private-dns-off': 'プライベート DNS がオフです。デフォルトの DNS 名はパブリックな名前です',
    'inbound-only-in-vpc':
      'inbound-only：エンドポイントの IP を返すのは、Route 53 Resolver インバウンドエンドポイント経由のクエリだけです。VPC 内のクライアントはゲートウェイエンドポイントを使用します',
    'remote-vpc-no-forwarding': 'エンドポイントのプライベートゾーンは、エンドポイント自身の VPC にだけ関連付けられています',
    'remote-vpc-forwarding': 'Resolver ルールまたは共有のプライベートホストゾーンが、名前をエンドポイントの VPC に送ります',
    'remote-vpc-forwarding-unknown':
      'Resolver ルールまたは共有のプライベートホストゾーンがこの VPC をエンドポイントに向けていない限り、パブリック IP です。ボットからは Route 53 Resolver を参照できません',
    'onprem-forwarder': '条件付きフォワーダーが、名前をエンドポイントの VPC の Route 53 Resolver インバウンドエンドポイントに送ります',
    'onprem-no-forwarder': 'Resolver インバウンドエンドポイントへの条件付きフォワーダーがない場合、オンプレミスの DNS はパブリック IP を返します',
    'onprem-forwarder-unknown':
      'オンプレミスの DNS が名前をエンドポイントの VPC の Route 53 Resolver インバウンドエンドポイントに転送していない限り、パブリック IP です。ボットからはどちらも参照できません',
  },
  tryIt: (region: string) => `VPC 内から試す（署名リージョン：${code(region)}）`,
  companionsTitle: 'この VPC に必要な可能性のあるほかのエンドポイント',
  companionsIntro: 'NAT ゲートウェイのないプライベートサブネットから、エンドポイントのない AWS の API を呼び出すとタイムアウトします。この VPC にないもの：',
  companionsNone: 'よく併用するエンドポイント（sts、logs、ssm、ecr、secrets）は、すべてこの VPC にあります。',
  companionsUnknown: 'VPC のほかのエンドポイントを一覧表示できませんでした。',
  companions: {
    sts: 'ロールの認証情報（AssumeRole、ウェブ ID）',
    logs: 'CloudWatch Logs（エージェント、Lambda、ECS）',
    ssm: 'インスタンスでの Session Manager と Systems Manager',
    ecr: 'ECR からのイメージ取得（レイヤーは S3 のゲートウェイエンドポイント経由）',
    secrets: 'Secrets Manager とその背後の KMS キー',
  },
  companionLine: (what: string, missing: string[]) => `${esc(what)}：${missing.map(code).join('、')}`,
  source: '出典',
};

/** "TCP 443 out to X" / "TCP 443 in from X", in Japanese order. */
const naclFlow = (direction: string | undefined, ports: string | undefined, peer: string) =>
  direction === 'out' ? ` ${esc(peer)} へのアウトバウンド TCP ${list(ports)} ` : ` ${esc(peer)} からのインバウンド TCP ${list(ports)} `;
const reachWhy = (why: string | undefined) => (why && why in reach.why ? reach.why[why as keyof typeof reach.why] : why);

const doctorFindings: Messages['doctor']['findings'] = {
  'state.available': (v) => ({ text: `${code(v.endpoint!)} は使用可能（available）です。` }),
  'state.pendingAcceptance': (v) => ({
    text: `${code(v.endpoint!)} はサービスプロバイダーによる承諾を待っています。承諾されるまでトラフィックは通りません。`,
    fix: 'プロバイダーが承諾します（VPC コンソール → エンドポイントサービス → エンドポイント接続）：',
  }),
  'state.other': (v) => ({ text: `${code(v.endpoint!)} は ${code(v.state!)} で、使用可能（available）ではありません。`, fix: '最後のエラーを確認します：' }),
  'az.same': (v) => ({ text: `エンドポイントには、送信元の AZ ${code(v.az!)} に ENI があります${v.ip ? `（${code(v.ip)}）` : ''}。` }),
  'az.cross': (v) => ({
    text: `送信元の AZ ${code(v.az!)} にエンドポイントの ENI がありません（ENI は ${list(v.azs)} にあります）。通信はできますが、AZ 間のデータ転送は課金され、その AZ で障害が発生すると送信元は接続できなくなります。`,
    fix: 'その AZ のサブネットをエンドポイントに追加します：',
  }),
  'az.none': (v) => ({
    text: `${code(v.endpoint!)} にはどのサブネットにも ENI がありません。`,
    fix: 'エンドポイントにサブネットを追加してください（AZ ごとに 1 つ）。',
  }),
  'az.unknown': () => ({ text: 'エンドポイントの ENI を読み取れませんでした。AZ は不明です。' }),
  'az.list': (v) => ({ text: `エンドポイントの ENI は ${list(v.azs)} にあります。` }),
  'port.aws': () => ({ text: 'ポート 443（HTTPS）。AWS の API のポートです。' }),
  'port.awsNot443': (v) => ({ text: `ポート ${esc(v.port)}：AWS の API が待ち受けるのは 443 だけです。`, fix: '使用するポートで確認します：' }),
  'port.given': (v) => ({ text: `指定されたポート ${esc(v.port)}（プロバイダーのリスナーのポート）。` }),
  'port.assumed': () => ({
    text: 'ポート 443 を確認しました。エンドポイントサービスには、ロードバランサーのリスナーのポートで到達します。',
    fix: `プロバイダーのポートを ${code('port=N')} で指定してください。`,
  }),
  'routing.local': (v) => ({ text: `同じ VPC ${code(v.vpc!)} です。local ルートで通信します。` }),
  'routing.peering': (v) => ({ text: `${code(v.table!)} は ${code(v.cidr!)} をアクティブなピアリング接続 ${code(v.peering!)} 経由で送ります。` }),
  'routing.none': (v) => ({
    text: `${code(v.table!)} に ${code(v.cidr!)}（${code(v.vpc!)}）へのルートがありません。`,
    fix: 'ピアリング接続経由のルートを追加します：',
  }),
  'routing.nonePeering': (v) => ({
    text: `${code(v.table!)} に ${code(v.cidr!)}（${code(v.vpc!)}）へのルートがなく、2 つの VPC はピアリングされていません。`,
    fix: 'VPC をピアリングする（その後、双方にルートを追加する）か、両方を Transit Gateway にアタッチしてください。',
  }),
  'routing.blackhole': (v) => ({
    text: `${code(v.table!)} は ${code(v.cidr!)} を ${code(v.target!)} に送りますが、これは blackhole（削除されたターゲット）です。`,
    fix: 'ルートを置き換えます：',
  }),
  'routing.peeringInactive': (v) => ({
    text: `ピアリング接続 ${code(v.peering!)} は ${code(v.status!)} で、active ではありません。`,
    fix: '承諾側が承諾します：',
  }),
  'routing.peeringWrongVpc': (v) => ({
    text: `${code(v.table!)} は ${code(v.cidr!)} を ${code(v.peering!)} 経由で送りますが、これは ${code(v.vpc!)} につながっていません。`,
    fix: 'ルートを正しいピアリング接続に向けます：',
  }),
  'routing.tgw': (v) => ({
    text: `${code(v.table!)} は ${code(v.cidr!)} を Transit Gateway ${code(v.tgw!)} に送ります。ボットはそのアタッチメントまたはルートテーブルを読み取れなかったため、不明です。`,
    fix: 'アタッチメントの TGW ルートテーブルを確認します：',
  }),
  'routing.tgwRoute': (v) => ({
    text: `${code(v.table!)} は ${code(v.cidr!)} を Transit Gateway ${code(v.tgw!)} に送り、そのルートテーブル ${code(v.tgwTable!)}（${code(v.attachment!)} に関連付け）は ${code(v.destination!)} を ${code(v.vpc!)} に送ります。`,
  }),
  'routing.tgwNoRoute': (v) => ({
    text: `${code(v.table!)} は ${code(v.cidr!)} を Transit Gateway ${code(v.tgw!)} に送りますが、そのルートテーブル ${code(v.tgwTable!)}（${code(v.attachment!)} に関連付け）にはそこへのルートがありません。Transit Gateway はトラフィックを破棄します。`,
    fix: 'もう一方の VPC のアタッチメントへのルートを追加します：',
  }),
  'routing.tgwBlackhole': (v) => ({
    text: `${code(v.table!)} は ${code(v.cidr!)} を Transit Gateway ${code(v.tgw!)} に送りますが、そのルートテーブル ${code(v.tgwTable!)} には ${code(v.destination!)} の blackhole ルートがあります。Transit Gateway はトラフィックを破棄します。`,
    fix: 'もう一方の VPC のアタッチメントに向けます：',
  }),
  'routing.tgwElsewhere': (v) => ({
    text: `${code(v.table!)} は ${code(v.cidr!)} を Transit Gateway ${code(v.tgw!)} に送り、そのルートテーブル ${code(v.tgwTable!)} は ${code(v.destination!)} を ${code(v.vpc!)} ではなく ${esc(v.target)} に送ります。その先（検査用 VPC、VPN）はボットから参照できないため、不明です。`,
    fix: '送信元から接続を確認します：',
  }),
  'routing.tgwNoAssociation': (v) => ({
    text: `Transit Gateway ${code(v.tgw!)} へのアタッチメント ${code(v.attachment!)} は、どの TGW ルートテーブルにも関連付けられていません。不明です。`,
    fix: '関連付けを確認します：',
  }),
  'routing.other': (v) => ({
    text: `${code(v.table!)} は ${code(v.cidr!)} を ${code(v.target!)}（アプライアンスまたはその他のターゲット）に送ります。不明です。`,
  }),
  'routing.appliance': (v) => ({
    text: `${code(v.table!)} は ${code(v.cidr!)} を ${code(v.target!)} に送ります（ルート ${code(v.destination!)}。local ルートまたはピアへのルートより具体的なルートです）。経路上のファイアウォールまたは Gateway Load Balancer エンドポイントが通信を左右しますが、ボットからはそのルールを参照できないため、不明です。`,
    fix: '送信元から接続を確認します：',
  }),
  'routing.manyTables': (v) => ({
    text: `${code(v.vpc!)} のサブネットは、結果の異なるルートテーブルを使用しています（${list(v.tables)}）。結果はサブネットによって異なります。`,
    fix: 'サブネットを 1 つ指定して確認します：',
  }),
  'routing.unreadable': (v) => ({ text: `ルートテーブルを読み取れませんでした（${code(v.action!)}）。不明です。` }),
  'routing.noTable': (v) => ({ text: `${code(v.subnet!)} のルートテーブルが見つかりません。不明です。` }),
  'routing.noEndpointCidrs': () => ({ text: 'エンドポイントのサブネットの CIDR ブロックを読み取れませんでした。不明です。' }),
  'routing.onprem': () => ({ text: 'オンプレミスから：Direct Connect / VPN の経路とオンプレミスのファイアウォールはボットから参照できないため、不明です。' }),
  'return.onprem': (v) => ({ text: `エンドポイントのサブネットのルートテーブル（${list(v.tables)}）は、${code(v.cidr!)} を VGW または TGW に戻します。` }),
  'return.onpremNoCidr': (v) => ({
    text: `エンドポイントのサブネットのルートテーブル（${list(v.tables)}）には VGW または TGW へのルートがあります。使用している経路を確認するには ${code('from=<CIDR>')} を指定してください。`,
  }),
  'return.onpremNone': (v) => ({
    text: `${code(v.table!)}（エンドポイントのサブネットのもの）には、VGW または TGW を経由して ${code(v.cidr!)} に戻るルートがありません。応答が戻れません。`,
    fix: 'VPN/DX のルートを伝播させます（または VGW/TGW への静的ルートを追加します）：',
  }),
  'return.noGateway': (v) => ({
    text: `${code(v.table!)}（エンドポイントのサブネットのもの）には VGW または TGW へのルートがまったくありません。応答がオンプレミスに戻れません。`,
    fix: 'VPN/DX のルートを伝播させます（または VGW/TGW への静的ルートを追加します）：',
  }),
  'path.partial': (v) => {
    const cause = doctorFindings[v.cause as keyof typeof doctorFindings]?.(v);
    return {
      text: `一部の AZ にだけ到達できます。${list(v.blocked)} ではブロックされ、${list(v.open)} では到達できます。${cause?.text ?? ''}ブロックされた ENI への接続はタイムアウトするため、呼び出しは断続的に失敗します。`,
      ...(cause?.fix && { fix: cause.fix }),
    };
  },
  'nacl.allow': (v) => ({ text: `${codes(v.acl)}（${codes(v.subnet)}）は双方向とも許可しています。` }),
  'nacl.deny': (v) => ({
    text: `${code(v.acl!)}（${code(v.subnet!)}）は${naclFlow(v.direction, v.port, code(v.peer!))}を拒否しています（ルール ${esc(v.rule)}）。`,
    fix: '拒否ルールより小さい番号のルールで許可します：',
  }),
  'nacl.denyEphemeral': (v) => ({
    text: `${code(v.acl!)}（${code(v.subnet!)}）は応答を拒否しています：${naclFlow(v.direction, v.ports, code(v.peer!)).trim()}（ルール ${esc(v.rule)}）。ネットワーク ACL はステートレスなので、エフェメラルポートの戻りを許可する必要があります。`,
    fix: 'エフェメラルポートを許可します：',
  }),
  'nacl.partEphemeral': (v) => ({
    text: `${code(v.acl!)}（${code(v.subnet!)}）は Linux のエフェメラルポートを許可していますが、${naclFlow(v.direction, v.ports, code(v.peer!)).trimStart()}は許可していません。ほかのクライアント（Windows、NAT）は失敗する可能性があります。`,
    fix: '1024～65535 を許可します：',
  }),
  'nacl.sameSubnet': () => ({ text: '送信元とエンドポイントは同じサブネットにあるため、ネットワーク ACL は適用されません。' }),
  'nacl.noAcl': (v) => ({ text: `${code(v.subnet!)} のネットワーク ACL が見つかりません。不明です。` }),
  'nacl.unreadable': (v) => ({ text: `ネットワーク ACL を読み取れませんでした（${code(v.action!)}）。不明です。` }),
  'nacl.outside': () => ({ text: 'オンプレミスのファイアウォールはボットから参照できないため、不明です。' }),
  'nacl.noSubnet': (v) => ({
    text: `VPC 全体（${code(v.vpc!)}）には多数のサブネットがあります。ネットワーク ACL を確認するには ${code('from=subnet-…')} または ${code('from=i-…')} を指定してください。`,
  }),
  'nacl.noSourceCidr': () => ({
    text: `送信元のアドレスが不明です。エンドポイントのサブネットのネットワーク ACL を確認するには ${code('from=<CIDR>')} を指定してください。`,
  }),
  'sg.endpointAdmits': (v) => ({
    text: `エンドポイントのセキュリティグループ（${codes(v.groups)}）は ${codes(v.cidrs)} からの TCP ${esc(v.port)} を許可しています。`,
  }),
  'sg.endpointRefuses': (v) => ({
    text: `エンドポイントのセキュリティグループ（${codes(v.groups)}）は ${code(v.cidr!)} からの TCP ${esc(v.port)} を許可していません。呼び出しはタイムアウトします。`,
    fix: '送信元を許可します：',
  }),
  'sg.sourceAllows': (v) => ({
    text: `${code(v.instance!)} のセキュリティグループ（${codes(v.groups)}）は、エンドポイントへのアウトバウンド TCP ${esc(v.port)} を許可しています。`,
  }),
  'sg.sourceRefuses': (v) => ({
    text: `${code(v.instance!)} のセキュリティグループ（${codes(v.groups)}）は、${code(v.cidr!)} へのアウトバウンド TCP ${esc(v.port)} を許可していません。`,
    fix: 'アウトバウンドで許可します：',
  }),
  'sg.notInstance': () => ({
    text: `インスタンス自身のセキュリティグループでポートのアウトバウンドを許可する必要があります。確認するには ${code('from=i-…')} でインスタンスを指定してください。`,
  }),
  'sg.noSourceCidr': (v) => ({
    text: `送信元のアドレスが不明です。エンドポイントのセキュリティグループ（${codes(v.groups)}）を確認するには ${code('from=<CIDR>')} を指定してください。`,
  }),
  'sg.unreadable': (v) => ({ text: `セキュリティグループを読み取れませんでした${v.action ? `（${code(v.action)}）` : ''}。不明です。` }),
  'sg.bySourceGroup': (v) => ({
    text: `エンドポイントのセキュリティグループ（${codes(v.groups)}）は、セキュリティグループ ${list(v.sources)} からの TCP ${esc(v.port)} だけを許可しています。結果はサブネットではなく、送信元の各インスタンスに割り当てられたセキュリティグループによって決まるため、不明です。`,
    fix: 'インスタンスを 1 つ指定して確認します：',
  }),
  'sg.prefixList': (v) => ({
    text: `セキュリティグループ（${codes(v.groups)}）は、${code(v.cidr!)} からの TCP ${esc(v.port)} をプレフィックスリスト ${list(v.lists)} を通じてのみ許可しています。ボットはそのエントリを読み取っていないため、不明です。`,
    fix: 'エントリを確認します：',
  }),
  'policy.full': (v) => ({ text: `${code(v.endpoint!)} のエンドポイントポリシーはすべての呼び出しを許可しています（フルアクセス）。` }),
  'policy.denyAll': (v) => ({
    text: `${code(v.endpoint!)} のエンドポイントポリシーは、すべてのプリンシパルのすべての呼び出しを拒否しています。ネットワーク経路が開いていても、エンドポイント経由の呼び出しはすべて拒否されます（AccessDenied）。`,
    fix: 'デフォルトのポリシー（フルアクセス）に戻すか、必要な操作を許可します：',
  }),
  'policy.noAllow': (v) => ({
    text: `${code(v.endpoint!)} のエンドポイントポリシーは何も許可していません。エンドポイント経由の呼び出しはすべて拒否されます（AccessDenied）。`,
    fix: 'デフォルトのポリシー（フルアクセス）に戻すか、必要な操作を許可します：',
  }),
  'policy.denies': (v) => ({ text: `${code(v.endpoint!)} のエンドポイントポリシーは、一部の呼び出しを拒否しています：${list(v.actions)}。` }),
  'policy.limited': (v) => ({
    text: `${code(v.endpoint!)} のエンドポイントポリシーは、一部の呼び出し（${list(v.actions)}）または一部のプリンシパルだけを許可しています。それ以外は拒否されます。`,
  }),
  'policy.unreadable': (v) => ({ text: `${code(v.endpoint!)} のエンドポイントポリシーを JSON として読み取れませんでした。不明です。` }),
  'dnsAttrs.on': (v) => ({ text: `${code(v.vpc!)} では、プライベート DNS に必要な ${code('enableDnsSupport')} と ${code('enableDnsHostnames')} が有効です。` }),
  'dnsAttrs.off': (v) => ({
    text: `${code(v.vpc!)} では ${list(v.missing)} が無効です。エンドポイントのプライベート DNS は使用されません。`,
    fix: '有効にします：',
  }),
  'dnsAttrs.unknown': (v) => ({ text: `${code(v.vpc!)} の DNS 属性を読み取れませんでした。不明です。` }),
  'dnsAttrs.notNeeded': () => ({ text: 'プライベート DNS はオフです。VPC の DNS 属性はエンドポイントに影響しません。' }),
  'dns.private': (v) => ({ text: `${code(v.name!)} はここからエンドポイントのプライベート IP に解決されます。` }),
  'dns.gateway': (v) => ({ text: `${code(v.name!)} はパブリック IP に解決され、このルートテーブルのゲートウェイエンドポイントがプライベートに伝送します。` }),
  'dns.internet': (v) => ({
    text: `${code(v.name!)} はここからパブリック IP に解決されます（${esc(reachWhy(v.why))}）。呼び出しはエンドポイントではなく、${v.path === 'internet-nat' ? 'NAT ゲートウェイ' : v.path === 'internet-igw' ? 'インターネットゲートウェイ' : 'オンプレミス自身のインターネット経路'}を通って出ていきます。エンドポイント固有の DNS 名はエンドポイントを経由します。`,
    fix: 'プライベートに保つには：',
  }),
  'dns.noRoute': (v) => ({
    text: `${code(v.name!)} はここからパブリック IP に解決されます（${esc(reachWhy(v.why))}）が、サブネットには外部への経路がありません。この名前を使った呼び出しはタイムアウトします。エンドポイント固有の DNS 名は使用できます。`,
    fix: '修正するには：',
  }),
  'dns.nothing': (v) => ({ text: `${code(v.name!)} はここから解決されません（${esc(reachWhy(v.why))}）。`, fix: 'VPC の DNS を有効にします：' }),
  'dns.customServers': (v) => ({
    text: `${code(v.vpc!)} は DHCP オプションセットで DNS サーバー ${esc(v.servers)} を配布しています。プライベートホストゾーン（エンドポイントのプライベート DNS を含む）が応答するのは VPC のリゾルバー（VPC のベース + 2）に届いたクエリだけです。${code(v.name!)} の解決先は、これらのサーバーがそこへ転送するかどうかによって決まるため、不明です。`,
    fix: 'その VPC のインスタンスから名前を引いて確認します：',
  }),
  'dns.unknown': (v) => ({
    text: `${code(v.name!)}：${esc(reachWhy(v.why))}。エンドポイント固有の DNS 名は、どこからでもエンドポイントの IP に解決されます。`,
  }),
  'resolver.onprem': (v) => ({
    text: `オンプレミスの DNS には、${code(v.name!)} を ${code(v.vpc!)} の Route 53 Resolver インバウンドエンドポイントに送る条件付きフォワーダーが必要です。ボットからは Route 53 Resolver も DNS サーバーも参照できないため、不明です。`,
    fix: 'インバウンドエンドポイントがあることを確認します：',
  }),
  'resolver.remoteVpc': (v) => ({
    text: `${code(v.vpc!)} が ${code(v.name!)} についてエンドポイントの IP を得られるのは、Resolver ルールまたは共有のプライベートホストゾーンを通じてだけです。ボットからは Route 53 Resolver を参照できないため、不明です。`,
    fix: 'VPC に関連付けられたルールを確認します：',
  }),
};

const dnsModeWords: Record<string, string> = { on: 'オン', off: 'オフ' };

const doctor: Messages['doctor'] = {
  findings: doctorFindings,
  title: (service: string, source: string) => `診断：${esc(source)} から ${esc(service)}`,
  verdicts: {
    'reachable-privately': ':large_green_circle: プライベートに到達可能',
    'reachable-over-internet': ':large_orange_circle: 到達可能（ただしインターネット経由）',
    'not-reachable': ':red_circle: 到達不可',
    'cannot-tell': ':large_yellow_circle: 判断できません',
  },
  unknownLinks: (links: string) => `不明な箇所：${esc(links)}`,
  settleWith: '確認するには：',
  // コマンドの中で読み手が埋める箇所（山括弧の中。コマンドはコード表記）
  placeholders: {
    eniIp: () => 'エンドポイント ENI の IP アドレス',
    onpremCidr: () => 'オンプレミスの CIDR',
    sourceCidr: () => '送信元の CIDR',
    instanceGroups: () => 'インスタンスのセキュリティグループ',
    attachmentOf: (vpc: string) => `${esc(vpc)} のアタッチメント`,
    freeRuleBelow: (rule: string) => `${esc(rule)} 未満の空きルール番号`,
  },
  firstFailing: (check: string) => `最初に失敗した箇所：${esc(check)}`,
  asFarAsVisible: (links: string) => `ボットから参照できる範囲での結果（不明：${esc(links)}）`,
  fixIt: '修正方法：',
  checkNames: {
    'endpoint-state': 'エンドポイント',
    'endpoint-az': 'AZ',
    port: 'ポート',
    routing: '往路のルート',
    'return-route': '復路のルート',
    'nacl-source': 'ネットワーク ACL（送信元サブネット）',
    'nacl-endpoint': 'ネットワーク ACL（エンドポイントのサブネット）',
    'sg-endpoint': 'エンドポイントのセキュリティグループ',
    'sg-source': '送信元のセキュリティグループ',
    policy: 'エンドポイントポリシー',
    'dns-attributes': 'VPC の DNS 属性',
    dns: '送信元での名前解決',
    resolver: 'Resolver / 転送',
  },
  marks: { pass: ':white_check_mark:', warn: ':warning:', fail: ':x:', unknown: ':grey_question:' },
  summary: (endpoint: string, vpc: string, mode: string, source: string, location: string, port: number) =>
    `エンドポイント ${code(endpoint)}（${code(vpc)}、プライベート DNS ${esc(dnsModeWords[mode] ?? mode)}） · 送信元 ${esc(source)}（${esc(location)}） · TCP ${esc(port)}`,
  locations: {
    'endpoint-vpc': '同じ VPC',
    'peered-vpc': '別の VPC',
    'tgw-vpc': 'Transit Gateway の背後の VPC',
    onprem: 'VPC 外：オンプレミスまたはピアリング先',
  },
  names: '送信元からの名前解決の結果',
  readOnly: '読み取り専用です。何も変更していません。ボットから参照できない要素に答えが左右される場合、その行は不明と表示します。',
  checking: (source: string) => `${esc(source)} からの経路を確認しています… 結果はこのメッセージに置き換わります。`,
  problems: {
    sourceNotFound: (source: string, region: string) =>
      `${code(source)} は ${code(region)} に存在しません（またはボットから参照できません）。別のリージョンにある場合は ${code('region=…')} を追加してください。`,
    endpointNotFound: (endpoint: string, region: string) =>
      `${code(region)} にエンドポイント ${code(endpoint)} はありません。ID を確認するか、${code('region=')} で別のリージョンを指定してください。`,
    noEndpoint: (service: string, where: string, create: string) =>
      `該当なし：${esc(where)} ${code(service)} のインターフェイスエンドポイントはありません。${code(create)} で作成してください。`,
    inVpc: (vpc: string) => `${code(vpc)} にもリージョン内のほかの場所にも`,
    inRegion: (region: string) => `${code(region)} に`,
    ambiguous: (service: string, candidates: string) => `${code(service)} に一致するエンドポイントが複数あります。1 つを指定してください：${esc(candidates)}`,
    notInterface: (endpoint: string, type: string) =>
      `${code(endpoint)} は ${esc(type)} エンドポイントです。診断の対象はインターフェイスエンドポイントです。ゲートウェイエンドポイントは、追加されたルートテーブルを通じて、その VPC 内からのみ使用できます。`,
    outsideNote: (cidr: string) => `${code(cidr)} はこのリージョンのどのサブネットにも含まれません。オンプレミスまたはピアリング先の CIDR として扱います。`,
  },
};

/** Request states as words, for sentences that name the state a request is already in. */
const requestStateWords: Record<string, string> = {
  pending: '承認待ち',
  approved: '承認済み',
  creating: '作成中',
  available: '利用可能',
  'pending-acceptance': '承諾待ち',
  failed: '失敗',
  rejected: '却下済み',
  cancelled: '取り下げ済み',
  expired: '期限切れ',
};

export const ja = {
  code,
  punctuation: {
    label: (name: string, text: string) => `${name}：${text}`,
    sources: (text: string, links: string) => `${text}（${links}）`,
    aside: (text: string) => `（${text}）`,
    sentences: (first: string, next: string) => `${first}${next}`,
  },
  questionLabels: {
    target: '接続先',
    service: 'サービス',
    onprem: 'オンプレミス',
    'cross-region': 'クロスリージョン',
    overlap: 'CIDR の重複',
    direction: '接続の方向',
    protocol: 'プロトコル',
    ipv6: 'IPv6',
    vpcs: 'VPC の数',
    gb: '月間データ量（GB）',
    azs: 'AZ 数',
    region: 'リージョン',
  },
  usage,
  examples,
  optionNames,
  questionPrompts,
  choiceLabels,
  notes,
  parseError,
  fieldError,
  helpTitle: 'privatelink：Slack から使う PrivateLink、VPC エンドポイント、VPC ピアリング',
  helpFooter: '大文字と小文字は区別しません。key=value 形式のオプションは順不同で指定できます。',
  usageLabel: '使い方：',
  cliHelpFooter: 'ターミナルでは、--json を付けるとスクリプトで読める形式で出力します。privatelink --version でバージョンを表示します。',
  slackOnly: (command: string) => `${code(command)} は Slack でのみ使用できます。申請には Slack のユーザーと、Slack 上の承認者が必要です。`,
  ec2Problem,
  preflight: {
    findings: preflightFindings,
    title: '事前チェック',
    checkNames: {
      ids: 'ID とリージョン',
      service: 'サービス',
      subnets: 'サブネット',
      'security-groups': 'セキュリティグループ',
      'private-dns': 'プライベート DNS',
      'ip-type': 'IP アドレスタイプ',
      'free-ips': '空きアドレス',
      quota: 'エンドポイントのクォータ',
      'availability-zones': 'アベイラビリティーゾーン',
      'network-acls': 'ネットワーク ACL',
      'cross-region': 'クロスリージョン',
      permission: '権限',
    },
    marks: { pass: ':white_check_mark:', warn: ':warning:', fail: ':x:' },
    fix: '対処：',
    failed: '申請は送信していません（投稿・作成もしていません）。:x: の項目を修正して、もう一度申請してください。',
    checking: (vpc: string) =>
      `${code(vpc)} の申請を確認しています（サービス、サブネット、セキュリティグループ、プライベート DNS、IP アドレスタイプ、空き IP アドレス、クォータ、ネットワーク ACL、権限）…`,
  },
  noRegion: `リージョンが指定されていません。${code('region=…')} を追加するか、ボットに AWS_REGION を設定してください。`,
  regionNotAllowed: (region: string, allowed: string[]) =>
    `リージョン ${code(region)} はここでは許可されていません。許可されているリージョン：${allowed.map(code).join('、')}。`,
  lookingUp: '検索しています… AWS の応答に時間がかかっています。結果はこのメッセージに置き換わります。',
  lookups: {
    dnsTitle: (what: string, region: string) => `DNS 名：${esc(region)} の ${esc(what)}`,
    describeTitle: (what: string, region: string) => `エンドポイント：${esc(region)} の ${esc(what)}`,
    servicesTitle: (what: string, region: string, count: number) =>
      `${esc(region)} の${what ? `「${esc(what)}」に一致する` : ''}エンドポイントサービス（${esc(count)} 件）`,
    everything: 'すべて',
    nothingFound: (what: string, region: string) =>
      `${code(region)} に ${code(what)} に一致するエンドポイントはありません。リージョン（${code('region=')}）を確認するか、${code('/privatelink services <text>')} でどのサービスがあるかを確認してください。`,
    noServices: (what: string, region: string) => `${code(region)} に ${code(what)} に一致するエンドポイントサービスはありません。`,
    shown: (shown: number, total: number | string, hint: string) => `${esc(total)} 件中 ${esc(shown)} 件を表示しています。${esc(hint)}`,
    narrowEndpoints: `${code('vpce-…')} の ID、${code('vpc-…')} の ID、サービス名、または ${code('state=')} で絞り込んでください。`,
    narrowServices: '名前をさらに詳しく指定して絞り込んでください。',
    privateDns: 'プライベート DNS',
    regional: 'リージョン DNS 名',
    zonal: 'ゾーン DNS 名',
    noDnsNames: 'DNS 名はありません。ゲートウェイエンドポイントはルートテーブルを通じて動作します。',
    on: 'オン',
    off: 'オフ',
    type: 'タイプ',
    state: '状態',
    vpc: 'VPC',
    subnets: 'サブネット',
    securityGroups: 'セキュリティグループ',
    ipType: 'IP アドレスタイプ',
    created: '作成日時',
    lastError: '最後のエラー',
    dnsNames: 'DNS 名',
    routing: '名前ごとの経路',
    fromPublic: 'パブリックサブネットから',
    fromPrivate: 'プライベートサブネットから',
    routes: { endpoint: 'エンドポイント経由', internet: 'インターネット経由（IGW）', fails: '失敗（外部への経路なし）' },
    tryIt: 'VPC 内で試す',
    acceptance: '承諾',
    acceptanceValues: { required: '必要', notRequired: '不要' },
    policy: 'エンドポイントポリシー',
    policyValues: { supported: '対応', unsupported: '非対応' },
    endpointTypes: {
      Interface: 'インターフェイス（Interface）',
      Gateway: 'ゲートウェイ（Gateway）',
      GatewayLoadBalancer: 'Gateway Load Balancer（GatewayLoadBalancer）',
      Resource: 'リソース（Resource）',
      ServiceNetwork: 'サービスネットワーク（ServiceNetwork）',
    },
    azs: 'AZ',
  },
  requests: {
    title: (id: string) => `エンドポイントの申請 ${esc(id)}`,
    requester: '申請者',
    reason: '申請理由',
    noReason: '（記載なし）',
    expires: '有効期限',
    service: 'サービス',
    vpc: 'VPC',
    subnets: 'サブネット',
    securityGroups: 'セキュリティグループ',
    defaultGroup: 'VPC のデフォルト',
    privateDns: 'プライベート DNS',
    ipType: 'IP アドレスタイプ',
    region: 'リージョン',
    ports: 'ポート',
    serviceRegion: 'サービスのリージョン（クロスリージョン）',
    dnsModes: { on: 'オン', off: 'オフ', 'inbound-only': 'inbound-only（Resolver インバウンドエンドポイント経由のオンプレミスのみ）' },
    approve: '承認する',
    reject: '却下する',
    cancel: '取り下げる',
    confirmTitle: 'このエンドポイントを作成しますか',
    // plain_text（確認ダイアログは mrkdwn を表示しません）：値はそのまま、コードスパンなし。
    confirmText: (service: string, vpc: string) => `ボットが ${vpc} に ${service} へのインターフェイスエンドポイントを作成します。`,
    confirmYes: '承認する',
    confirmNo: 'キャンセル',
    states: {
      pending: ':hourglass_flowing_sand: 承認待ち',
      approved: ':white_check_mark: 承認済み：作成中…',
      creating: ':gear: 作成中…',
      available: ':large_green_circle: 利用可能',
      'pending-acceptance': ':hourglass_flowing_sand: 作成済み。サービスプロバイダーの承諾待ち',
      failed: ':red_circle: 失敗',
      rejected: ':no_entry: 却下',
      cancelled: ':heavy_multiplication_x: 申請者が取り下げ',
      expired: ':alarm_clock: 期限切れ（期限内に判断されませんでした）',
    },
    historyLine: (state: string, actor: string, at: string) => `${esc(requestStateWords[state] ?? state)} · ${actor} · ${at}`,
    history: '履歴',
    decidedBy: (verb: string, user: string, at: string) => `${esc(verb)}：${mention(user)}（${at}）`,
    verbs: { approved: '承認済み', rejected: '却下済み', cancelled: '取り下げ済み', expired: '期限切れ' },
    sentNote: (id: string, channel: string, url: string) =>
      `申請 ${code(id)} は ${channelRef(channel)} で承認を待っています（${link(url, '表示')}）。判断されたらダイレクトメッセージでお知らせします。取り下げるには ${code(`/privatelink cancel ${esc(id)}`)} を実行してください。`,
    channelProblem: (channel: string, problem: string) =>
      problem === 'not_in_channel'
        ? `承認用チャンネル ${channelRef(channel)} に投稿できません。ボットがメンバーになっていません。チャンネルのメンバーに ${code('/invite @privatelink')} を実行してもらってから、もう一度申請してください。何も作成していません。`
        : `承認用チャンネル ${code(channel)} に投稿できません（${code(problem)}）。管理者が APPROVAL_CHANNEL_ID を修正する必要があります。何も作成していません。`,
    notConfigured:
      '承認が設定されていません。ボットには APPROVAL_CHANNEL_ID と、APPROVER_USER_IDS または APPROVER_USERGROUP_ID が必要です（docs/operations.md の「Configuration」）。',
    notFound: (id: string) => `申請 ${code(id)} はありません。最近の申請は ${code('/privatelink requests all')} で確認できます。`,
    refusedNotApprover: (approvers: string) =>
      approvers
        ? `エンドポイントの申請を判断できるのは承認者だけです。何も変更していません。承認できるのは ${approvers} です。これらの方に依頼してください。`
        : 'エンドポイントの申請を判断できるのは承認者だけです。何も変更していません。承認者はこのボットの運用者に確認してください。',
    refusedRequester: (id: string) =>
      `自分の申請は判断できません。ほかの人が承認する必要があります。取り下げるには ${code(`/privatelink cancel ${esc(id)}`)} を実行してください。`,
    alreadyDecided: (id: string, state: string) => `申請 ${code(id)} はすでに${requestStateWords[state] ?? ` ${esc(state)} `}です。何も変更していません。`,
    duplicateSubmission: (id: string) => `同じ申請が複数回届きました。申請は ${code(id)} として 1 回だけ受け付けており、承認カードはまもなく投稿されます。`,
    expiredNow: (id: string) => `申請 ${code(id)} は期限切れのため、承認できなくなりました。申請者はもう一度申請できます。`,
    cancelled: (id: string) => `申請 ${code(id)} を取り下げました。`,
    approvedThread: (user: string) => `${mention(user)} さんが承認しました。エンドポイントを作成しています…`,
    rejectedThread: (user: string, requester: string) => `${mention(user)} さんが却下しました。${mention(requester)} さん、何も作成していません。`,
    cancelledThread: (requester: string) => `${mention(requester)} さんが取り下げました。`,
    expiredThread: '期限切れ：期限内に判断されませんでした。',
    listTitle: (filter: string, count: number) => `${filter === 'pending' ? '未処理' : '最近'}のエンドポイントの申請（${esc(count)} 件）`,
    none: (filter: string) => (filter === 'pending' ? '未処理の申請はありません。' : '申請はまだありません。'),
    listLine: (id: string, state: string, requester: string, service: string, vpc: string, created: string) =>
      `${code(id)} ${esc(state)} · ${mention(requester)} · ${code(vpc)} の ${code(service)} · ${created}`,
    modal: {
      title: 'エンドポイントの申請',
      submit: '確認して送信',
      close: 'キャンセル',
      intro: 'ボットはまず申請を事前チェックし、その後承認者に依頼します。承認されるまで何も作成しません。',
      service: 'サービス',
      serviceHint: '短い名前（kinesis-streams）または完全な名前（com.amazonaws.vpce.…）',
      vpc: 'VPC ID',
      subnets: 'サブネット ID（AZ ごとに 1 つ）',
      subnetsHint: 'カンマ区切りで指定（例：subnet-0a1b2c3d,subnet-4e5f6a7b）',
      sg: 'セキュリティグループ ID（下記のポートのインバウンドを許可するもの）',
      privateDns: 'プライベート DNS',
      ip: 'IP アドレスタイプ',
      region: 'リージョン',
      reason: '必要な理由',
      on: 'オン',
      off: 'オフ',
      inboundOnly: 'inbound-only（S3、DynamoDB：オンプレミスのみ）',
      ports: 'クライアントが使用するポート',
      portsHint: 'TCP、カンマ区切り：AWS の API は 443、エンドポイントサービスはリスナーのポート',
      serviceRegion: 'サービスのリージョン（クロスリージョンのみ）',
      serviceRegionHint: 'エンドポイントサービスがあるリージョン（エンドポイントのリージョンと異なる場合）',
      ipTypes: { ipv4: 'IPv4', dualstack: 'デュアルスタック', ipv6: 'IPv6' },
    },
  },
  create: {
    progress: (endpointId: string | undefined, state: string, elapsed: string) =>
      `${endpointId ? `${code(endpointId)} ` : ''}${endpointState(state)} · 経過時間 ${esc(elapsed)}`,
    starting: 'CreateVpcEndpoint を呼び出しています',
    threadCreated: (endpointId: string) => `CreateVpcEndpoint が ${code(endpointId)} を返しました。使用可能（available）になるまで待っています…`,
    threadState: (endpointId: string, state: string, elapsed: string) => `${code(endpointId)} の状態：${endpointState(state)}（経過時間 ${esc(elapsed)}）。`,
    threadAvailable: (requester: string, endpointId: string) =>
      `${mention(requester)} さん、${code(endpointId)} が利用可能になりました。DNS 名は上の承認メッセージに表示しています。`,
    threadPendingAcceptance: (requester: string, endpointId: string, owner: string) =>
      `${mention(requester)} さん、${code(endpointId)} を作成しました。サービスプロバイダー${owner ? `（アカウント ${esc(owner)}）` : ''}による承諾を待っています。プロバイダーに承諾を依頼してください（VPC コンソール → エンドポイントサービス → エンドポイント接続）。利用可能になったらお知らせします。`,
    threadFailed: (requester: string, text: string) => `${mention(requester)} さん、エンドポイントを作成できませんでした：${esc(text)}`,
    timedOut: (endpointId: string, minutes: number) =>
      `${code(endpointId)} は ${esc(minutes)} 分たっても保留中（pending）のままでした。この後、使用可能（available）になる可能性があります。${code(`/privatelink describe ${esc(endpointId)}`)} で確認してください。`,
    endpointFailed: (endpointId: string, state: string, detail: string) =>
      `${code(endpointId)} は ${esc(state)} で終了しました${detail ? `：${esc(detail)}` : ''}。`,
    endpointPartial: (endpointId: string, detail: string) =>
      `${code(endpointId)} は partial で終了しました。一部のサブネットでは作成されましたが、すべてではありません${detail ? `（失敗：${esc(detail)}）` : ''}。該当するサブネットの原因（空きアドレス、サービスが提供されている AZ）を修正して作成し直すか、このまま使用してください。${code(`/privatelink describe ${esc(endpointId)}`)} で確認できます。`,
    // EC2 のエラーメッセージが示したリソース
    named: (ids: string[]) => `EC2 が示したリソース：${ids.map((id) => code(id)).join('、')}。`,
    failedHowTo: (command: string) => `原因を解消したら、同じ申請をもう一度送信してください：${code(command)}`,
    preflightBefore: (passed: number, total: number) =>
      `事前チェック（作成前）：${esc(total)} 件中 ${esc(passed)} 件に合格しました。この失敗は事前チェックでは検出できませんでした。`,
    dnsNames: 'DNS 名',
    tryIt: 'VPC 内で試す',
    accepted: (endpointId: string, requester: string) =>
      `${mention(requester)} さん、サービスプロバイダーが ${code(endpointId)} を承諾しました。利用可能です。`,
  },
  unknownAction: 'このボタンは、このバージョンのボットではもう使われていない操作のものです。何も変更していません。コマンドをもう一度実行してください。',
  internalError:
    'ボット側で問題が発生しました。何も変更していません。1 分ほど待ってからもう一度お試しください。繰り返し発生する場合は、ボットの管理者に連絡してください。',
  // Slack の 3 秒の期限（src/deadline.ts）
  deadline: {
    handOffFailed: 'AWS または Slack の応答が遅いため、時間内に処理を完了できませんでした。何も変更していません。1 分ほどしてからもう一度お試しください。',
    modalTooSlow:
      'Slack の応答が遅く、フォームを開けませんでした。もう一度 `/privatelink create` を実行するか、コマンドラインで各項目を指定してください（`/privatelink help`）。',
    storeTooSlow: '申請の保存先が時間内に応答しなかったため、何も変更していません。しばらくしてからもう一度お試しください。',
  },
  compare: {
    title: 'VPC ピアリング、PrivateLink、ゲートウェイエンドポイント、Transit Gateway、VPC Lattice の比較',
    step: (n: number) => `質問 ${esc(n)}`,
    answersSoFar: 'これまでの回答：',
    noAnswersYet: 'いくつかの質問に答えてください。結果を左右する質問だけをお聞きします。',
    back: '戻る',
    startOver: '最初から',
    recommendation: '推奨',
    noRecommendation: 'この回答に合う選択肢はありません',
    needTarget: '推奨はまだありません（接続先によって異なります）',
    alsoNeeded: '併せて必要なもの',
    alternatives: 'ほかに取れる方法',
    alone: (option: string) => spaced(esc(option), 'のみ'),
    why: '理由',
    alsoPossible: 'ほかの選択肢（優先順）',
    ruledOut: '除外した選択肢',
    caveats: '注意点',
    changedSince2018: '2018 年以降の変更点',
    in2018: '2018 年時点：',
    since: (date: string) => `${esc(date)} 以降：`,
    nextSteps: '次の手順',
    openQuestions: '回答によって結果が変わる質問',
    wouldChange: (key: string, value: string, to: string) => `${code(`${esc(key)}=${esc(value)}`)} → ${esc(to)}`,
    share: 'チャンネルに共有',
    sharedBy: (user: string) => `${mention(user)} さんが共有`,
    sources: '出典',
    factsAsOf: (date: string) => `${esc(date)}時点の情報です。`,
    rerun: '同じ条件で再実行：',
  },
  readers: {
    onlyReaders: `申し訳ありません。検索と申請の一覧を使用できるのはこのボットの閲覧者だけで、あなたは含まれていません。${code('/privatelink help')} と ${code('/privatelink compare')} はどなたでも使用できます。追加はこのボットの運用者に依頼してください。`,
    checkTooSlow: 'あなたがこのボットの閲覧者かどうかを Slack が時間内に返さなかったため、何も読み取っていません。しばらくしてからもう一度お試しください。',
  },
  reach,
  doctor,
  integrity: {
    outcomeUnknown: (errorCode: string) => `CreateVpcEndpoint の応答がありませんでした（${code(errorCode)}）。同じトークンで再度呼び出しています`,
    threadAdopted: (endpointId: string) =>
      `CreateVpcEndpoint の応答は失われましたが、${code(endpointId)} は存在します。申請タグで見つけたので、このエンドポイントを追跡します。使用可能（available）になるまで待っています…`,
    threadStillUnknown: (errorCode: string) =>
      `EC2 ではまだ作成が確定していません（${code(errorCode)}）。申請は作成中のままです。数分以内に申請タグでエンドポイントを探し、同じトークンで呼び出しを繰り返します。`,
    regionNotAllowed: (region: string, allowed: string) =>
      `リージョン ${code(region)} は許可されなくなりました（${code('ALLOWED_REGIONS')}：${esc(allowed) || 'なし'}）。何も作成していません。許可されているリージョンで新しく申請してください。`,
    approveRegionRefused: (id: string, region: string, allowed: string) =>
      `申請 ${code(id)} のリージョン ${code(region)} は許可されなくなりました（${code('ALLOWED_REGIONS')}：${esc(allowed) || 'なし'}）。承認していません。申請を却下するか、先に許可リストを変更してください。`,
    foreignCopy: (id: string) =>
      `これは申請 ${code(id)} が記録したメッセージではないため、ここでのクリックは無効です。承認用チャンネルにある申請のメッセージで判断してください。`,
    voidCopy: (id: string) => `:no_entry_sign: 申請 ${esc(id)} のこのコピーは無効です。承認用チャンネルにある申請自体のメッセージで判断してください。`,
    approvalRefused: {
      unsealed:
        'この申請のレコードにある承認にはボットの署名がないため、Slack で行われた承認ではありません。何も作成していません。新しく申請し、承認カードで承認を受けてください。',
      forged:
        'この申請のレコードにある承認が申請と一致しません（承認後に内容、承認者、またはバージョンが変更されたか、ボットのキーなしで書き込まれました）。何も作成していません。新しく申請し、承認カードで承認を受けてください。',
      requester:
        'この申請は申請者本人によって承認されていますが、これは許可されていません。何も作成していません。新しく申請し、別の承認者の承認を受けてください。',
      'not-approver':
        'この申請を承認したユーザーは承認者ではありません（または承認者ではなくなりました）。何も作成していません。新しく申請し、承認者の承認を受けてください。',
      'no-key': `ワーカーに承認キー（${code('APPROVAL_KEY')} / ${code('APPROVAL_KEY_PARAMETER')}）がないため、承認を検証できません。何も作成していません。管理者がキーを設定した後、もう一度申請してください。`,
    },
  },
  // メンバーアカウントでの作成（ACCOUNTS）
  memberAccounts: {
    account: 'アカウント',
    approveRefused: (id: string, account: string) =>
      `申請 ${code(id)} のアカウント ${code(account)} は、申請時のとおりには ${code('ACCOUNTS')} に含まれなくなりました。承認していません。申請を却下するか、先にアカウントの設定を戻してください。`,
    threadCreatingIn: (account: string, accountId: string, region: string) =>
      `アカウント ${code(account)}${accountId ? `（${code(accountId)}）` : ''}、リージョン ${code(region)} に、そのアカウントのロールで作成しています。`,
  },
  // `/privatelink lang` と CLI の言語
  lang: {
    names: { en: 'English（英語）', ja: '日本語' },
    current: (name: string, chosen: boolean) =>
      `現在の言語：${esc(name)}${chosen ? '' : '（このワークスペースの既定）'}。${code('/privatelink lang en')} または ${code('/privatelink lang ja')} で変更できます。`,
    set: (name: string) => `今後は${esc(name)}で応答します。承認カード、そのスレッド、ダイレクトメッセージはチャンネルの言語のままです。`,
    cli: `ターミナルでは ${code('--lang en|ja')} または環境変数 ${code('LANG')}（例：${code('LANG=ja_JP.UTF-8')}）で言語を指定します。`,
    notSaved: '言語を保存できませんでした。何も変更していません。1 分ほどしてからもう一度お試しください。',
  },
  // 人への連絡：申請者へのダイレクトメッセージ、承認者への呼びかけとリマインダー、却下の理由
  notify: {
    callApprovers: (who: string) => `${who} さん、新しいエンドポイントの申請が承認を待っています。`,
    dmApproved: (id: string, url: string, by: string) =>
      `申請 ${code(id)} は ${mention(by)} さんが承認しました。エンドポイントを作成しています。完了したらここでお知らせします（${link(url, '申請を表示')}）。`,
    dmRejected: (id: string, url: string, by: string) =>
      `申請 ${code(id)} は ${mention(by)} さんが却下しました。何も作成していません（${link(url, '申請を表示')}）。`,
    dmAvailable: (id: string, endpointId: string, url: string) =>
      `エンドポイント ${code(endpointId)} が利用可能になりました（申請 ${code(id)}、${link(url, '申請を表示')}）。DNS 名と、VPC 内から確認するコマンドは次のとおりです。`,
    dmPendingAcceptance: (id: string, endpointId: string, owner: string) =>
      `エンドポイント ${code(endpointId)}（申請 ${code(id)}）を作成しました。サービスプロバイダー${owner ? `（AWS アカウント ${code(owner)}）` : ''}による承諾を待っています。VPC コンソール（エンドポイントサービス → エンドポイント接続）で承諾するよう依頼してください。利用可能になったらお知らせします。`,
    dmFailed: (id: string, url: string, text: string) => `申請 ${code(id)} を完了できませんでした（${link(url, '申請を表示')}）：${text}`,
    dmExpired: (id: string, url: string) =>
      `申請 ${code(id)} は期限切れになりました。期限内に承認者が判断しなかったため、何も作成していません（${link(url, '申請を表示')}）。まだ必要な場合は ${code('/privatelink create')} でもう一度申請してください。`,
    reasonLabel: '却下理由',
    reminderHalf: (who: string, expires: string) => `${who} さん、この申請はまだ承認も却下もされていません。期限は ${expires} です。`,
    reminderFinal: (who: string, expires: string) =>
      `${who} さん、最終のお知らせです。承認または却下されない場合、この申請は ${expires} に期限切れになります。`,
    rejectModal: {
      title: '申請の却下',
      submit: '却下',
      close: '戻る',
      intro: (id: string) => `申請 ${code(id)} を却下します。理由は申請者にダイレクトメッセージで伝え、申請のスレッドにも残します。`,
      label: '却下の理由',
      hint: '承認できる条件を書いてください（別の VPC、セキュリティグループなど）。',
    },
    reasonRequired: '理由を入力してください。申請者が承認される形で申請し直すために必要です。',
    reasonTooLong: (length: number, max: number) =>
      `理由が長すぎます（${esc(length)} 文字）。スレッドに引用できるよう、${esc(max)} 文字以内で入力してください。`,
    rejectFormFailed: '却下のフォームを Slack で開けませんでした。何も変更していません。もう一度「却下する」をクリックしてください。',
  },
  // App Home（ホームタブ）
  home: {
    title: 'エンドポイントの申請',
    waiting: (shown: number, total: number) =>
      shown < total ? `あなたの判断を待っている申請（新しい順に ${esc(total)} 件中 ${esc(shown)} 件）` : `あなたの判断を待っている申請（${esc(total)} 件）`,
    noneWaiting: 'あなたの判断を待っている申請はありません。',
    yours: (shown: number, total: number) =>
      shown < total ? `あなたの申請（新しい順に ${esc(total)} 件中 ${esc(shown)} 件）` : `あなたの申請（${esc(total)} 件）`,
    noneYours: `申請はまだありません。${code('/privatelink create')} でエンドポイントを申請できます。`,
    expires: (at: string) => `有効期限：${at}`,
    approvalMessage: '承認メッセージ',
    confirmText: (service: string, vpc: string, region: string) => `${vpc}（${region}）に ${service} へのインターフェイスエンドポイントを作成します。`,
    footer: `詳細と履歴は ${code('/privatelink status plr-…')}、すべての申請は ${code('/privatelink requests all')} で確認できます。`,
    changed: (id: string) =>
      `申請 ${code(id)} はこの画面の表示後に変更されたため、判断していません。現在の内容で表示し直しました。確認してからもう一度クリックしてください。`,
    tooSlow: (id: string) => `申請 ${code(id)} へのクリックを時間内に確認できなかったため、判断していません。もう一度クリックしてください。`,
    notYours: 'このボタンは指定された申請と一致しません。何も実行していません。',
  },
  // ACCOUNTS のアカウントと ALLOWED_REGIONS のリージョンにまたがる検索
  estate: {
    account: 'アカウント',
    where: (account: string, region: string) => `アカウント ${code(account)} · リージョン ${code(region)}`,
    searched: (accounts: number, regions: number, calls: number) =>
      `${esc(accounts)} 個のアカウント × ${esc(regions)} 個のリージョンを検索しました（呼び出し ${esc(calls)} 回）。`,
    nothingFound: (what: string, accounts: number, regions: string) =>
      `${esc(accounts)} 個のアカウントの ${esc(regions)} のいずれにも ${code(what)} に一致するエンドポイントはありません。ID を確認するか、${code('region=all')} で他のリージョンも検索してください。`,
    failuresTitle: '検索できなかった範囲（ここにある可能性があります）：',
    failure: (account: string, region: string, reason: string) => `• アカウント ${code(account)}、リージョン ${code(region)}：${esc(reason)}`,
    reasons: {
      AssumeRoleDenied: 'ボットはこのアカウントのロールを引き受けることができません。そのロールの信頼ポリシーを修正してください',
      AccessDenied: 'このアカウントのロールには ec2:DescribeVpcEndpoints を呼び出す権限がありません。読み取りアクションをロールに追加してください',
      Throttling: 'AWS が呼び出しをスロットリングしました。1 分ほど待ってからもう一度お試しください',
      Timeout: '時間内に応答がありませんでした。もう一度お試しいただくか、account= でアカウントを指定してください',
      other: (errorCode: string) => `失敗しました（${code(errorCode)}）`,
    },
    unknownAccount: (alias: string, suggestion?: string) =>
      `アカウント ${code(alias)} は設定されていません。${suggestion ? `${code(`account=${suggestion}`)} のことですか？` : ''}${code('account=home')} はボット自身のアカウントです。その他のアカウントは ${code('ACCOUNTS')} で設定します。`,
    allRegionsNeedList: `${code('region=all')} は ${code('ALLOWED_REGIONS')} のリージョンを検索しますが、このボットでは設定されていません。${code('region=')} でリージョンを 1 つ指定してください。`,
  },
  // カード：一目でわかる承認カード、`requests` のページ、compare の結果の要約と出典
  cards: {
    titles: {
      pending: (id: string) => `エンドポイントの申請 ${esc(id)}：承認待ち`,
      approved: (id: string) => `エンドポイントの申請 ${esc(id)}：承認済み`,
      creating: (id: string) => `エンドポイントの申請 ${esc(id)}：エンドポイントを作成中`,
      available: (id: string) => `エンドポイントを作成しました（申請 ${esc(id)}）`,
      'pending-acceptance': (id: string) => `エンドポイントを作成しました。承諾待ちです（申請 ${esc(id)}）`,
      failed: (id: string) => `エンドポイントの申請 ${esc(id)}：失敗`,
      rejected: (id: string) => `エンドポイントの申請 ${esc(id)}：却下`,
      cancelled: (id: string) => `エンドポイントの申請 ${esc(id)}：取り下げ`,
      expired: (id: string) => `エンドポイントの申請 ${esc(id)}：期限切れ`,
    },
    endpoint: 'エンドポイント',
    // 1 つの項目の値の区切り（サブネット、グループ、ポート）
    separator: '、',
    openInConsole: 'AWS コンソールで開く',
    willCall: '実行する API 呼び出し',
    called: '実行した API 呼び出し',
    notCalled: '申請された API 呼び出し（未実行）',
    expiredHowTo: (command: string) =>
      `期限までに判断されなかったため、何も作成していません。もう一度依頼するには、同じ申請を送信してください：${code(command)}`,
    showing: (from: number, to: number, total: number) => `${esc(total)} 件中 ${esc(from)}～${esc(to)} 件目を表示しています。`,
    more: '次のページ',
    openCard: '承認メッセージ',
    recap: '回答',
    changesButton: (count: number) => `2018 年以降の変更点（${esc(count)} 件）`,
    changesFolded: (count: number) => `2018 年当時の定説のうち ${esc(count)} 件は、現在は当てはまりません。ボタンで表示します。`,
    source: '出典',
    actors: { system: 'ボット', worker: 'ワーカー' },
  },
  // 料金：compare の結果と各申請の月額の見積もり。金額は書式済み（$32.66）で渡されます。
  money: {
    title: '月額の見積もり',
    units: {
      endpoints: (_n: number) => 'エンドポイント',
      azs: (_n: number) => 'AZ',
      hours: () => '時間',
      gb: () => 'GB',
      attachments: (_n: number) => 'アタッチメント',
      services: (_n: number) => 'サービス',
      directions: (_n: number) => '方向',
    },
    perMonth: '／月',
    noCharge: '料金なし',
    assumed: (regions: string) => `† このリージョンの料金が見つからないため、${esc(regions)} の料金で代用しています。`,
    missing: (charges: string) => `次の料金は含まれていません（料金表にありません）：${esc(charges)}。`,
    charges: {
      interfaceEndpointAzHour: 'インターフェイスエンドポイントの時間料金',
      interfaceGbFirstPb: 'インターフェイスエンドポイントのデータ処理（最初の 1 PB）',
      interfaceGbNext4Pb: 'インターフェイスエンドポイントのデータ処理（次の 4 PB）',
      interfaceGbOver5Pb: 'インターフェイスエンドポイントのデータ処理（5 PB 超）',
      gatewayEndpointHour: 'ゲートウェイエンドポイント',
      resourceEndpointGb: 'リソースエンドポイントのデータ処理',
      serviceNetworkEndpointHour: 'リソースエンドポイントとサービスネットワークエンドポイントの時間料金',
      tgwAttachmentHour: 'Transit Gateway アタッチメントの時間料金',
      tgwGb: 'Transit Gateway のデータ処理',
      crossAzGbEachWay: 'AZ 間のデータ転送',
      interRegionGb: 'リージョン間のデータ転送',
      natGatewayHour: 'NAT ゲートウェイの時間料金',
      natGatewayGb: 'NAT ゲートウェイのデータ処理',
      latticeServiceHour: 'VPC Lattice サービスの時間料金',
      latticeGb: 'VPC Lattice のデータ処理',
      latticeMillionRequests: 'VPC Lattice のリクエスト',
    },
    notes: {
      'gateway-free': 'ゲートウェイエンドポイントには時間料金もデータ処理料金もかかりません。',
      'nlb-extra': 'サービスプロバイダーの Network Load Balancer の料金が別途かかります。',
      'peering-free-hours': 'ピアリング接続には時間料金がかかりません。',
      'peering-cross-az': '同じ AZ 内のトラフィックは無料です。この見積もりでは、すべてのトラフィックが AZ をまたぎ、両方向に課金されるものとしています。',
      'cross-region-transfer': 'このリージョンの料金でのリージョン間データ転送を含みます。',
      'tgw-peering-extra': 'もう一方のリージョンの Transit Gateway とピアリングアタッチメントの料金が別途かかります。',
      'onprem-attachment-extra': 'VPN または Direct Connect のアタッチメントの料金が別途かかります。',
      'lattice-requests-extra': 'リクエストの料金が別途かかります。',
      'resource-endpoint-hours-extra': 'リソースエンドポイントとリソースゲートウェイの時間料金が別途かかります。',
      'central-tgw-attached':
        'すべての VPC が Transit Gateway にアタッチ済みであることを前提としています。アタッチメントの時間料金、プライベートホストゾーン、Route 53 プロファイルの VPC 関連付けの料金が別途かかります。',
    },
    breakEvenTitle: '採算の分岐点',
    endpointVsNat: (gb: string | undefined, fixed: string, azs: number, nat: string, endpoint: string) =>
      gb === undefined
        ? `この料金では、インターフェイスエンドポイント（${esc(azs)} AZ で月 ${esc(fixed)}）は NAT ゲートウェイの GB あたり ${esc(nat)} に対して元が取れません。`
        : `${esc(azs)} AZ のインターフェイスエンドポイント（月 ${esc(fixed)}）は、*月 ${esc(gb)} GB を超えると* NAT ゲートウェイの GB あたりの料金より安くなります：${esc(fixed)} ÷（${esc(nat)} − ${esc(endpoint)}／GB）。`,
    gatewayVsNat: (gb: string, saving: string, nat: string) =>
      `ゲートウェイエンドポイントは無料です。同じ ${esc(gb)} GB を NAT ゲートウェイ経由で送ると月 ${esc(saving)}（GB あたり ${esc(nat)}）かかります。`,
    centralize: (endpoints: number, saved: string, gb: string, tgwGb: string) =>
      `${esc(endpoints)} 個の VPC にそれぞれエンドポイントを置くと、ハブ VPC に 1 つ置いて共有する場合より月 ${esc(saved)} 高くなります。すべての VPC にアタッチ済みの Transit Gateway（GB あたり ${esc(tgwGb)}）経由なら、*月 ${esc(gb)} GB 未満* では共有エンドポイントのほうが安くなります。`,
    tgwVsPeering: (vpcs: number, connections: number, tgwFixed: string, gb: string | undefined) =>
      gb === undefined
        ? `${esc(vpcs)} 個の VPC のピアリングメッシュ（${esc(connections)} 接続、時間料金なし）は、どのトラフィック量でも Transit Gateway（アタッチメントで月 ${esc(tgwFixed)}）より安くなります。Transit Gateway の利点は料金ではなく運用（ルーティングを 1 か所で管理し、メッシュを保守しない）にあります。`
        : `Transit Gateway（アタッチメントで月 ${esc(tgwFixed)}）は、*月 ${esc(gb)} GB を超えると* ${esc(vpcs)} 個の VPC のピアリングメッシュ（${esc(connections)} 接続）より安くなります。`,
    sizing: (region: string, azs: number, gb: string, defaulted: string) =>
      `${code(region)}、エンドポイントあたり ${esc(azs)} AZ、月 ${esc(gb)} GB で見積もっています${defaulted ? `（仮定の値です。${code(defaulted)} で変更できます）` : ''}。`,
    disclaimer: (date: string, url: string) =>
      `見積もりであり、請求額ではありません。ボットの料金表（${esc(date)}、${link(url, 'AWS PrivateLink の料金')}）の定価で、税、割引、無料利用枠は含みません。`,
    request: (line: string, perGb: string) => `${esc(line)}、ほかにデータ処理料金（GB あたり ${esc(perGb)}）`,
    requestNoData: (line: string) => `${esc(line)}、ほかにデータ処理料金`,
    requestLabel: '見積もり料金',
  },
} satisfies Messages;
