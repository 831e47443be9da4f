import {
  AirplaneIcon,
  AnnotationIcon,
  BankAccountIcon,
  CalendarIcon,
  CellTowerIcon,
  CreditCardIcon,
  CubeIcon,
  DocumentIcon,
  DriveTimeIcon,
  HomeIcon,
  IdNumberIcon,
  LinkIcon,
  MapMarkerIcon,
  MobilePhoneIcon,
  OfficeIcon,
  PeopleIcon,
  PersonIcon,
  PhoneIcon,
  ShipIcon,
  SimCardIcon,
  UserIcon,
} from '@blueprintjs/icons';
import type { ComponentType } from 'react';
import { builtinOf, isLinkSchema } from '../../../shared/catalogue';

type IconComponent = ComponentType<{ size?: number; className?: string }>;

const ICONS: Record<string, IconComponent> = {
  Person: PersonIcon,
  Organization: PeopleIcon,
  Company: OfficeIcon,
  LegalEntity: OfficeIcon,
  Address: MapMarkerIcon,
  Vehicle: DriveTimeIcon,
  Vessel: ShipIcon,
  Airplane: AirplaneIcon,
  BankAccount: BankAccountIcon,
  CryptoWallet: CreditCardIcon,
  RealEstate: HomeIcon,
  Identification: IdNumberIcon,
  Passport: IdNumberIcon,
  UserAccount: UserIcon,
  Event: CalendarIcon,
  Document: DocumentIcon,
  Note: AnnotationIcon,
  Phone: PhoneIcon,
  Device: MobilePhoneIcon,
  SIM: SimCardIcon,
  CellSite: CellTowerIcon,
};

export function SchemaIcon({ schema, size = 14 }: { schema: string; size?: number }) {
  const Icon = ICONS[builtinOf(schema)] ?? (isLinkSchema(schema) ? LinkIcon : CubeIcon);
  return <Icon size={size} className="schema-icon" />;
}
