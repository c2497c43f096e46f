export interface DeliveryPerson {
  id: string;
  name: string;
  phone: string;
  active: boolean;
}
